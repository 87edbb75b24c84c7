using System.Globalization;
using System.Text;

namespace VisMooc.Modules.Output;

/// <summary>
/// The folder name of a Hive-style partition, <c>course={value}</c>, with the value made path-safe
/// the way Hive and Spark escape partition values: each byte of the value's UTF-8 that is a control
/// character, one of <c>"#%'*/:=?\[]^{}|&lt;&gt;</c>, or DEL becomes <c>%XX</c> (upper-case hex); every
/// other character stays as it is. <see cref="Decode"/> reverses it exactly, and so do Spark, Trino
/// and DuckDB when they read the partition value.
/// </summary>
public static class HivePartition
{
    /// <summary>The partition column of the Parquet datasets.</summary>
    public const string CourseColumn = "course";

    /// <summary>The folder of <paramref name="course"/>'s partition: <c>course=</c> and the escaped id.</summary>
    public static string CourseFolder(string course) => CourseColumn + "=" + Encode(course);

    /// <summary>Escapes <paramref name="value"/> for a folder name (see the type's summary). An empty value becomes <c>__HIVE_DEFAULT_PARTITION__</c>, as in Hive.</summary>
    public static string Encode(string value)
    {
        if (value.Length == 0)
        {
            return "__HIVE_DEFAULT_PARTITION__";
        }

        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (NeedsEscape(c))
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        // "." and ".." are not folder names a value can have; a leading '.' would also hide the folder.
        if (text[0] == '.')
        {
            text.Remove(0, 1).Insert(0, "%2E");
        }

        return text.ToString();
    }

    /// <summary>The value <see cref="Encode"/> escaped.</summary>
    public static string Decode(string folderValue)
    {
        if (folderValue == "__HIVE_DEFAULT_PARTITION__")
        {
            return "";
        }

        var text = new StringBuilder(folderValue.Length);
        for (int i = 0; i < folderValue.Length; i++)
        {
            if (folderValue[i] == '%' && i + 2 < folderValue.Length && int.TryParse(folderValue.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int b))
            {
                text.Append((char)b);
                i += 2;
            }
            else
            {
                text.Append(folderValue[i]);
            }
        }

        return text.ToString();
    }

    // Only ASCII is escaped, so escaping per UTF-16 unit is escaping per UTF-8 byte.
    private static bool NeedsEscape(char c) => c < 0x20 || c == 0x7F || "\"#%'*/:=?\\[]^{}|<>".Contains(c);
}
