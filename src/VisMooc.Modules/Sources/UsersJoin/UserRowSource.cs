using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.UsersJoin;

/// <summary>
/// A users row: fields named <c>auth_user.X</c> come from the current auth_user record, fields named
/// <c>auth_userprofile.X</c> from the joined profile (NULL when the user has none). One per thread:
/// it keeps where the current profile's fields are.
/// </summary>
public sealed class UserRowSource(ProfileStore profiles) : IRowSource
{
    /// <summary>Prefix of auth_user fields.</summary>
    public const string UserPrefix = "auth_user.";

    /// <summary>Prefix of profile fields.</summary>
    public const string ProfilePrefix = "auth_userprofile.";

    private EdxTsvReader? _reader;
    private int[] _userColumns = [];
    private int[] _profileFields = [];
    private readonly int[] _starts = new int[profiles.FieldCount];
    private readonly int[] _lengths = new int[profiles.FieldCount];
    private long _decoded = -1;

    /// <summary>The joined profile's location in the store, or -1.</summary>
    public long Profile { get; set; } = -1;

    /// <summary>The profile field names the table reads, in store order.</summary>
    public static List<string> ProfileFieldNames(TableInfo table)
    {
        var names = new List<string>();
        foreach (string f in table.SourceFields)
        {
            if (f.StartsWith(ProfilePrefix, StringComparison.Ordinal))
            {
                names.Add(f[ProfilePrefix.Length..]);
            }
        }

        return names;
    }

    /// <summary>Binds to an auth_user file's header.</summary>
    public void Bind(EdxTsvReader reader, TableInfo table)
    {
        _reader = reader;
        var profileNames = ProfileFieldNames(table);
        _userColumns = new int[table.SourceFields.Count];
        _profileFields = new int[table.SourceFields.Count];
        for (int k = 0; k < table.SourceFields.Count; k++)
        {
            string field = table.SourceFields[k];
            _userColumns[k] = -1;
            _profileFields[k] = -1;
            if (field.StartsWith(UserPrefix, StringComparison.Ordinal))
            {
                _userColumns[k] = reader.IndexOf(field[UserPrefix.Length..]);
                if (_userColumns[k] < 0)
                {
                    throw TsvRowSource.MissingColumn(reader, table, field[UserPrefix.Length..], field);
                }
            }
            else if (field.StartsWith(ProfilePrefix, StringComparison.Ordinal))
            {
                _profileFields[k] = profileNames.IndexOf(field[ProfilePrefix.Length..]);
            }
            else
            {
                throw new ConvertException(reader.FileName, $"table {table.Name} reads field '{field}', but users fields must start with '{UserPrefix}' or '{ProfilePrefix}'");
            }
        }
    }

    /// <inheritdoc/>
    public FieldValue Get(int sourceField)
    {
        if (_userColumns[sourceField] >= 0)
        {
            return _reader!.GetField(_userColumns[sourceField]);
        }

        if (Profile < 0)
        {
            return FieldValue.Null;
        }

        // A users row reads every field of one profile in turn: find them once.
        if (Profile != _decoded)
        {
            profiles.Decode(Profile, _starts, _lengths);
            _decoded = Profile;
        }

        int field = _profileFields[sourceField];
        int start = _starts[field];
        return start < 0 ? FieldValue.Null : FieldValue.Text(profiles.PageOf(Profile).Slice(start, _lengths[field]));
    }
}
