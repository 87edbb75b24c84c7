using System.Diagnostics;

namespace VisMooc.Generators.Tests;

/// <summary>Files of the repository the tests run from: the real table declarations and the committed schema.</summary>
internal static class RepoFiles
{
    public const string TablesFolder = "src/VisMooc.Modules/Tables";

    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VisMooc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains VisMooc.sln; run the tests from a checkout.");
    });

    /// <summary>The folder holding VisMooc.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>The real declarations, as (repo-relative path, text), in ordinal path order.</summary>
    public static IReadOnlyList<(string Path, string Text)> TableDeclarations() =>
        Directory.GetFiles(Path.Combine(Root, TablesFolder), "*.cs")
            .Select(path => (TablesFolder + "/" + Path.GetFileName(path), File.ReadAllText(path)))
            .OrderBy(file => file.Item1, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The committed text of a repo file (<c>git show HEAD:path</c>), because the build rewrites the file on
    /// disk; the file on disk when git or the repository is unavailable. Null when HEAD lacks the file.
    /// </summary>
    public static string? Committed(string relativePath)
    {
        if (Git("rev-parse", "--is-inside-work-tree") is not { ExitCode: 0 })
        {
            string path = Path.Combine(Root, relativePath);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }

        var show = Git("show", "HEAD:" + relativePath);
        return show is { ExitCode: 0 } ? show.Value.Output : null;
    }

    private static (int ExitCode, string Output)? Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            error.Wait();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed.
            return null;
        }
    }
}
