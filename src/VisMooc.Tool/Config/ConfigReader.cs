using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace VisMooc.Tool.Config;

/// <summary>
/// Reads values of a YAML config by key path, checking each: a section that is not a mapping, a
/// list where one value is expected, a number or flag that is not one, is a
/// <see cref="ConfigException"/> "<c>FILE:LINE:COLUMN: mysql.port: '3306x' is not a port number (1 to 65535)</c>".
/// </summary>
internal sealed class ConfigReader(string path, YamlMappingNode root)
{
    /// <summary>The scalars YAML reads as null (PyYAML, which MLC uses, too).</summary>
    private static readonly string[] s_nulls = ["", "~", "null", "Null", "NULL"];

    /// <summary>The text at <paramref name="keys"/>, or null when the key is absent or its value is null.</summary>
    public string? Text(params string[] keys)
    {
        var node = Find(keys);
        return node switch
        {
            null => null,
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when Array.IndexOf(s_nulls, scalar.Value) >= 0 => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw Wrong(node, keys, "expected one value, found " + Kind(node)),
        };
    }

    /// <summary>A path or file name MLC needs: present, not empty, no NUL.</summary>
    public string Path(params string[] keys)
    {
        string? text = Text(keys);
        if (text is null)
        {
            throw Find(keys) is YamlNode node ? Wrong(node, keys, "needs a value") : new ConfigException($"{path}: missing key {string.Join('.', keys)}");
        }

        return text.Contains('\0', StringComparison.Ordinal) ? throw Wrong(Find(keys)!, keys, "contains a NUL character") : text;
    }

    /// <summary>A TCP port, 1 to 65535; null when absent.</summary>
    public int? Port(params string[] keys)
    {
        string? text = Text(keys);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535
            ? port
            : throw Wrong(Find(keys)!, keys, $"{Shown(text, keys)} is not a port number (1 to 65535)");
    }

    /// <summary>A YAML 1.1 boolean (yes/no, true/false, on/off, y/n); <paramref name="fallback"/> when absent.</summary>
    public bool Flag(bool fallback, params string[] keys)
    {
        string? text = Text(keys);
        return text?.Trim().ToLowerInvariant() switch
        {
            null => fallback,
            "yes" or "true" or "on" or "y" => true,
            "no" or "false" or "off" or "n" => false,
            _ => throw Wrong(Find(keys)!, keys, $"{Shown(text, keys)} is not yes or no"),
        };
    }

    // The node at the key path, or null when a key is absent; a section on the way that is not a mapping is an error.
    private YamlNode? Find(string[] keys)
    {
        YamlNode node = root;
        for (int i = 0; i < keys.Length; i++)
        {
            if (node is not YamlMappingNode map)
            {
                // A null section ("mysql:" with nothing under it) is an absent one.
                if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } empty && Array.IndexOf(s_nulls, empty.Value) >= 0)
                {
                    return null;
                }

                throw Wrong(node, keys[..i], "expected a section of keys (such as " + keys[i] + "), found " + Kind(node));
            }

            if (!map.Children.TryGetValue(new YamlScalarNode(keys[i]), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private ConfigException Wrong(YamlNode node, string[] keys, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}:{node.Start.Line}:{node.Start.Column}: {string.Join('.', keys)}: {problem}"));

    private static string Kind(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a section of keys",
        YamlScalarNode => "a single value",
        _ => "something else",
    };

    // A port or flag quoted in a message: one line, not endless. Never a value of the mysql section,
    // which holds the password: one typed under another key (query_password: secret, port: secret)
    // is described by its length only. (Other values, which may be a password, are never quoted.)
    private static string Shown(string value, string[] keys)
    {
        if (keys.Length > 0 && keys[0] == "mysql")
        {
            return string.Create(CultureInfo.InvariantCulture, $"a value of {value.Length} character{(value.Length == 1 ? "" : "s")} (not quoted: this section holds the password)");
        }

        string line = string.Concat(value.Select(c => char.IsControl(c) ? '?' : c));
        return "'" + (line.Length <= 40 ? line : line[..40] + "…") + "'";
    }
}
