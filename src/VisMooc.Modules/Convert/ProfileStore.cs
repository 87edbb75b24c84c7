using System.Buffers.Binary;
using VisMooc.Modules.Input;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Convert;

/// <summary>
/// The profiles of one course indexed by <c>user_id</c>, holding only the fields the users table
/// reads, packed one byte array per profile. This join is the only per-learner state a run keeps.
/// </summary>
public sealed class ProfileStore
{
    private readonly Dictionary<long, int> _byUserId = [];
    private readonly List<byte[]> _packed = [];
    private readonly List<long> _userIds = [];
    private readonly List<bool> _matched = [];

    /// <summary>Number of profiles held.</summary>
    public int Count => _packed.Count;

    /// <summary>Adds the current record's profile; false when a profile for that user is already held.</summary>
    public bool Add(long userId, EdxTsvReader reader, IReadOnlyList<int> columns)
    {
        if (_byUserId.ContainsKey(userId))
        {
            return false;
        }

        int size = 0;
        foreach (int c in columns)
        {
            size += 4 + reader.GetField(c).Utf8.Length;
        }

        byte[] packed = new byte[size];
        int at = 0;
        foreach (int c in columns)
        {
            var value = reader.GetField(c);
            BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(at), value.IsNull ? -1 : value.Utf8.Length);
            at += 4;
            value.Utf8.CopyTo(packed.AsSpan(at));
            at += value.Utf8.Length;
        }

        _byUserId[userId] = _packed.Count;
        _packed.Add(packed);
        _userIds.Add(userId);
        _matched.Add(false);
        return true;
    }

    /// <summary>The index of the profile of <paramref name="userId"/> (marking it matched), or -1.</summary>
    public int Match(long userId)
    {
        if (!_byUserId.TryGetValue(userId, out int index))
        {
            return -1;
        }

        _matched[index] = true;
        return index;
    }

    /// <summary>Field <paramref name="field"/> of profile <paramref name="index"/>.</summary>
    public FieldValue Get(int index, int field)
    {
        var packed = _packed[index].AsSpan();
        int at = 0;
        for (int f = 0; ; f++)
        {
            int length = BinaryPrimitives.ReadInt32LittleEndian(packed[at..]);
            at += 4;
            if (f == field)
            {
                return length < 0 ? FieldValue.Null : FieldValue.Text(packed.Slice(at, length));
            }

            at += Math.Max(length, 0);
        }
    }

    /// <summary>The user ids of profiles no auth_user row matched, in file order.</summary>
    public IEnumerable<long> Unmatched()
    {
        for (int i = 0; i < _packed.Count; i++)
        {
            if (!_matched[i])
            {
                yield return _userIds[i];
            }
        }
    }
}
