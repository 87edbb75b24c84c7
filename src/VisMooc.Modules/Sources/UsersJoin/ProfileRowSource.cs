using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.UsersJoin;

/// <summary>
/// A users row as one profile alone gives it, read from the record <see cref="ProfileBatch"/> packed
/// last (so the profile's fields are read from the file once, for the store and the check alike):
/// the <c>auth_userprofile.X</c> fields from that record, every <c>auth_user.X</c> field NULL. The
/// users job checks each profile's columns with it when it reads the profile, so that a value the
/// users table cannot hold rejects that profile, at its own file and line.
/// </summary>
public sealed class ProfileRowSource : IRowSource
{
    // For each source field of the table, its index among the profile fields the batch packs, or -1.
    private readonly int[] _fields;

    /// <summary>Binds <paramref name="table"/>'s profile fields to the fields of the records a <see cref="ProfileBatch"/> packs (in <see cref="UserRowSource.ProfileFieldNames"/> order).</summary>
    public ProfileRowSource(TableInfo table)
    {
        var names = UserRowSource.ProfileFieldNames(table);
        _fields = new int[table.SourceFields.Count];
        for (int i = 0; i < _fields.Length; i++)
        {
            string f = table.SourceFields[i];
            _fields[i] = f.StartsWith(UserRowSource.ProfilePrefix, StringComparison.Ordinal) ? names.IndexOf(f[UserRowSource.ProfilePrefix.Length..]) : -1;
        }
    }

    /// <summary>The batch whose last record this row is (set before <see cref="Get"/>).</summary>
    public ProfileBatch? Batch { get; set; }

    /// <summary>The columns of <paramref name="table"/> that read a profile field (bit k for column k): those a profile's values can fail.</summary>
    public static ulong ProfileColumns(TableInfo table)
    {
        ulong mask = 0;
        for (int c = 0; c < table.Columns.Count && c < 64; c++)
        {
            if (table.Columns[c].SourceFields.Any(f => f.StartsWith(UserRowSource.ProfilePrefix, StringComparison.Ordinal)))
            {
                mask |= 1UL << c;
            }
        }

        return mask;
    }

    /// <inheritdoc/>
    public FieldValue Get(int sourceField) => _fields[sourceField] < 0 ? FieldValue.Null : Batch!.LastField(_fields[sourceField]);
}
