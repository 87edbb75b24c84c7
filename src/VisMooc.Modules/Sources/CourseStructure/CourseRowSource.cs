using System.Text;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.CourseStructure;

/// <summary>
/// A row from the course tree: <c>key</c> (the block key), <c>course.key</c> (the course root key),
/// <c>category</c>, <c>section</c> (the path from the root) and <c>metadata.X</c>.
/// </summary>
public sealed class CourseRowSource : IRowSource
{
    private enum Field
    {
        Key,
        CourseKey,
        Category,
        Section,
        Metadata,
    }

    private readonly (Field Field, string Name)[] _fields;
    private byte[] _key = [];
    private byte[] _courseKey = [];
    private byte[] _category = [];
    private byte[] _section = [];
    private int _sectionLength;
    private bool _hasCourse;
    private CourseBlock? _block;

    /// <summary>Binds a table's source fields.</summary>
    /// <exception cref="ConvertException">The table reads a field course rows do not have.</exception>
    public CourseRowSource(TableInfo table, string fileName)
    {
        _fields = new (Field, string)[table.SourceFields.Count];
        for (int i = 0; i < _fields.Length; i++)
        {
            string f = table.SourceFields[i];
            _fields[i] = f switch
            {
                "key" => (Field.Key, f),
                "course.key" => (Field.CourseKey, f),
                "category" => (Field.Category, f),
                "section" => (Field.Section, f),
                _ when f.StartsWith("metadata.", StringComparison.Ordinal) => (Field.Metadata, f["metadata.".Length..]),
                _ => throw new ConvertException(fileName, $"table {table.Name} reads field '{f}', which course_structure rows do not have (key, course.key, category, section, metadata.NAME)"),
            };
        }
    }

    /// <summary>The metadata names a table reads.</summary>
    public static IEnumerable<string> MetadataNames(TableInfo table)
    {
        var names = new List<string>();
        foreach (string f in table.SourceFields)
        {
            if (f.StartsWith("metadata.", StringComparison.Ordinal))
            {
                names.Add(f["metadata.".Length..]);
            }
        }

        return names;
    }

    /// <summary>Points the source at a block, whose section path is the first <paramref name="sectionLength"/> bytes of <paramref name="section"/>.</summary>
    public void Set(CourseBlock block, CourseBlock? course, byte[] section, int sectionLength)
    {
        _block = block;
        _key = Encoding.UTF8.GetBytes(block.Key);
        _hasCourse = course is not null;
        _courseKey = course is null ? [] : Encoding.UTF8.GetBytes(course.Key);
        _category = Encoding.UTF8.GetBytes(block.Category);
        _section = section;
        _sectionLength = sectionLength;
    }

    /// <inheritdoc/>
    public FieldValue Get(int sourceField)
    {
        var (field, name) = _fields[sourceField];
        return field switch
        {
            Field.Key => FieldValue.Text(_key),
            Field.CourseKey => _hasCourse ? FieldValue.Text(_courseKey) : FieldValue.Null,
            Field.Category => FieldValue.Text(_category),
            Field.Section => FieldValue.Text(_section.AsSpan(0, _sectionLength)),
            _ => _block!.Get(name),
        };
    }
}
