using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.UsersJoin;

/// <summary>
/// A users row as one profile alone gives it, read straight from the profile file: the
/// <c>auth_userprofile.X</c> fields from the reader's current record, every <c>auth_user.X</c> field
/// NULL. The users job checks each profile's columns with it when it reads the profile, so that a
/// value the users table cannot hold rejects that profile, at its own file and line.
/// </summary>
public sealed class ProfileRowSource : IRowSource
{
    private readonly EdxTsvReader _reader;
    private readonly int[] _columns;

    /// <summary>Binds <paramref name="table"/>'s profile fields to the columns of a profile file (which the caller has checked it has).</summary>
    public ProfileRowSource(EdxTsvReader reader, TableInfo table)
    {
        _reader = reader;
        _columns = new int[table.SourceFields.Count];
        for (int i = 0; i < _columns.Length; i++)
        {
            string f = table.SourceFields[i];
            _columns[i] = f.StartsWith(UserRowSource.ProfilePrefix, StringComparison.Ordinal) ? reader.IndexOf(f[UserRowSource.ProfilePrefix.Length..]) : -1;
        }
    }

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
    public FieldValue Get(int sourceField) => _columns[sourceField] < 0 ? FieldValue.Null : _reader.GetField(_columns[sourceField]);
}
