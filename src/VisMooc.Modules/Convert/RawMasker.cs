using System.Text;
using System.Text.RegularExpressions;

namespace VisMooc.Modules.Convert;

/// <summary>Masks personal fields in a raw TSV record before it goes to a rejects file.</summary>
public static class RawMasker
{
    private static readonly HashSet<string> s_personal = new(StringComparer.Ordinal)
    {
        "username", "email", "name", "first_name", "last_name", "mailing_address",
    };

    private static readonly Regex s_jsonPersonal = new(
        "(\"(?:author_username|retired_username|username|email|name)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    /// <summary>A forum line with the values of its username-like keys replaced by <c>"***"</c> (works on broken JSON too).</summary>
    public static byte[] MaskJson(ReadOnlySpan<byte> line) =>
        Encoding.UTF8.GetBytes(s_jsonPersonal.Replace(Encoding.UTF8.GetString(line), "$1\"***\""));

    /// <summary>
    /// The raw record with every personal column replaced by <c>***</c>. When the record's field count
    /// does not match the header, positions cannot be trusted, so every field but the first is masked.
    /// </summary>
    public static byte[] Mask(ReadOnlySpan<byte> raw, IReadOnlyList<string> header)
    {
        var output = new List<byte>(raw.Length);
        int fieldCount = raw.Count((byte)'\t') + 1;
        bool aligned = fieldCount == header.Count;
        int index = 0;
        foreach (var range in raw.Split((byte)'\t'))
        {
            if (index > 0)
            {
                output.Add((byte)'\t');
            }

            bool mask = aligned ? s_personal.Contains(header[index]) : index > 0;
            if (mask)
            {
                output.AddRange("***"u8);
            }
            else
            {
                output.AddRange(raw[range]);
            }

            index++;
        }

        return output.ToArray();
    }
}
