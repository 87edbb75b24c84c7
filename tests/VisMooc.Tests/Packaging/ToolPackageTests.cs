using System.Diagnostics;
using System.IO.Compression;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Packaging;

public sealed class ToolPackageTests
{
    [Fact]
    public void ThePackedToolInstallsFromALocalFolderAndConvertsTheSample()
    {
        using var temp = new LoadFixtures.TempFolder();
        string packages = Path.Combine(temp.Path, "packages");
        string tools = Path.Combine(temp.Path, "tools");
        // Pack what the tests were built from (same configuration, no rebuild).
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        Dotnet(RepoPaths.Root, "pack", "src/VisMooc.Tool", "-c", configuration, "--no-build", "-o", packages);
        string package = Directory.GetFiles(packages, "VisMooc.*.nupkg").Single();

        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("tools/net10.0/any/VisMooc.Modules.dll", entries);
            Assert.DoesNotContain(entries, e => e.Contains("VisMooc.Generators", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }

        // Only the local folder as a source: the package must carry everything it needs.
        string config = Path.Combine(temp.Path, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """);
        // Its own packages folder too: a VisMooc 0.1.0 cached by an earlier install would otherwise be used instead of this one.
        Run("dotnet", temp.Path, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(temp.Path, "nuget-packages") },
            "tool", "install", "VisMooc", "--tool-path", tools, "--configfile", config);
        string vismooc = Path.Combine(tools, "vismooc");

        var version = Run(vismooc, temp.Path, "--version");
        Assert.StartsWith("0.", version.Trim(), StringComparison.Ordinal);

        string output = Path.Combine(temp.Path, "csv");
        Run(vismooc, temp.Path, "convert", Path.Combine(RepoPaths.Root, "samples", "SynthX-DS101-2099_T1"), "--out", output, "--quiet");
        string reference = Path.Combine(temp.Path, "reference");
        Assert.Equal(0, ToolRunner.Run(["convert", Path.Combine(RepoPaths.Root, "samples", "SynthX-DS101-2099_T1"), "--out", reference, "--quiet"]).ExitCode);
        foreach (var csv in Directory.GetFiles(reference, "*.csv"))
        {
            Assert.Equal(File.ReadAllBytes(csv), File.ReadAllBytes(Path.Combine(output, Path.GetFileName(csv))));
        }
    }

    private static void Dotnet(string workingDirectory, params string[] args) => Run("dotnet", workingDirectory, args);

    private static string Run(string file, string workingDirectory, params string[] args) => Run(file, workingDirectory, new Dictionary<string, string>(), args);

    private static string Run(string file, string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
