using System.Runtime.CompilerServices;
using System.Text;

namespace VisMooc.Tests.Shared;

/// <summary>
/// Compares text with a committed snapshot, following Verify's file conventions
/// (<c>Snapshots/{TestClass}.{Method}[#{hint}].verified.{ext}</c>), because Verify cannot be restored here.
/// </summary>
public static class Snapshot
{
    /// <summary>Set to <c>1</c> to overwrite verified files with the current output (never honoured when CI=true).</summary>
    public const string AcceptVariable = "VISMOOC_ACCEPT_SNAPSHOTS";

    private const int ContextLines = 2;
    private const int MaxChangedLines = 12;

    // Snapshots are text compared line by line: LF everywhere, no BOM, so a checkout's settings never matter.
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Fails the test unless <paramref name="actual"/> equals the verified snapshot next to the calling test file.
    /// </summary>
    public static void Verify(
        string actual,
        string extension = "txt",
        string? hint = null,
        [CallerFilePath] string file = "",
        [CallerMemberName] string method = "")
    {
        if (file.Length == 0 || !Path.IsPathRooted(file))
        {
            // A mapped path (/_/…) means DeterministicSourcePaths is on; the snapshot folder cannot be found.
            Assert.Fail($"Snapshot.Verify needs the real path of the test file, got '{file}'. Set DeterministicSourcePaths=false in the test project.");
        }

        string directory = Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");
        VerifyIn(directory, Name(Path.GetFileNameWithoutExtension(file), method, hint), actual, extension);
    }

    /// <summary>
    /// Like <see cref="Verify"/>, with the snapshot folder and name given explicitly; the accept switch and
    /// CI flag come from the environment unless given.
    /// </summary>
    public static void VerifyIn(string directory, string name, string actual, string extension = "txt", bool? accept = null, bool? continuousIntegration = null)
    {
        string? failure = Compare(directory, name, actual, extension, accept ?? AcceptRequested(), continuousIntegration ?? IsContinuousIntegration());
        if (failure is not null)
        {
            Assert.Fail(failure);
        }
    }

    /// <summary>The snapshot name without suffixes: <c>{TestClass}.{Method}[#{hint}]</c>.</summary>
    public static string Name(string testClass, string method, string? hint = null) =>
        testClass + "." + method + (string.IsNullOrEmpty(hint) ? "" : "#" + hint);

    /// <summary>
    /// Compares and maintains the snapshot files; returns null when the test passes, else the failure message.
    /// The environment is passed in so the accept switch can be tested without touching process state.
    /// </summary>
    public static string? Compare(string directory, string name, string actual, string extension, bool accept, bool continuousIntegration)
    {
        string verifiedPath = Path.Combine(directory, name + ".verified." + extension);
        string receivedPath = Path.Combine(directory, name + ".received." + extension);
        string received = Normalize(actual);
        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath, s_utf8)) : null;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return null;
        }

        if (accept && !continuousIntegration)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, received, s_utf8);
            File.Delete(receivedPath);
            return null;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, received, s_utf8);

        var message = new StringBuilder();
        message.Append(verified is null
            ? $"No verified snapshot {verifiedPath}; the output was written to {receivedPath}."
            : $"Output differs from the verified snapshot {verifiedPath}; the output was written to {receivedPath}.");
        message.Append('\n');
        if (verified is not null)
        {
            AppendDiff(message, verified, received);
        }

        if (accept)
        {
            message.Append($"{AcceptVariable}=1 is ignored because CI=true: snapshots are never accepted in CI. Accept them locally and commit the .verified. file.\n");
        }
        else
        {
            message.Append($"If the new output is right, accept it: run the tests with {AcceptVariable}=1, or move the .received. file over the .verified. one; then commit it.\n");
        }

        return message.ToString();
    }

    /// <summary>True when the accept switch is set.</summary>
    public static bool AcceptRequested() => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>True on a CI server, where snapshots must never be accepted.</summary>
    public static bool IsContinuousIntegration() =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>LF line ends and no trailing newline, as Verify stores text.</summary>
    public static string Normalize(string text)
    {
        string lf = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return lf.EndsWith('\n') ? lf[..^1] : lf;
    }

    // One unified-diff hunk from the first to the last differing line, cut short when it is long.
    private static void AppendDiff(StringBuilder message, string verified, string received)
    {
        string[] before = verified.Split('\n');
        string[] after = received.Split('\n');
        int prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        int suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix
            && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }

        int start = Math.Max(0, prefix - ContextLines);
        int removed = before.Length - prefix - suffix;
        int added = after.Length - prefix - suffix;
        int trailing = Math.Min(suffix, ContextLines);
        message.Append("--- verified\n+++ received\n");
        message.Append($"@@ -{start + 1},{prefix - start + removed + trailing} +{start + 1},{prefix - start + added + trailing} @@\n");
        for (int i = start; i < prefix; i++)
        {
            message.Append(' ').Append(before[i]).Append('\n');
        }

        AppendLines(message, '-', before, prefix, removed);
        AppendLines(message, '+', after, prefix, added);
        for (int i = prefix + removed; i < prefix + removed + trailing; i++)
        {
            message.Append(' ').Append(before[i]).Append('\n');
        }
    }

    private static void AppendLines(StringBuilder message, char marker, string[] lines, int from, int count)
    {
        for (int i = from; i < from + Math.Min(count, MaxChangedLines); i++)
        {
            message.Append(marker).Append(lines[i]).Append('\n');
        }

        if (count > MaxChangedLines)
        {
            message.Append($"{marker}… {count - MaxChangedLines} more line(s)\n");
        }
    }
}
