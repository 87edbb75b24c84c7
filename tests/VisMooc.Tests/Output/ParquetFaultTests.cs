using DuckDB.NET.Data;
using VisMooc.Generated;
using VisMooc.Modules.Folders;
using VisMooc.Modules.Output;
using VisMooc.Modules.Load;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Synth;
using VisMooc.Tests.Load;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Output;

/// <summary><c>convert --format parquet</c> meeting a full disk, names the file system cannot hold, and a run stopped among its renames.</summary>
public sealed class ParquetFaultTests
{
    private static readonly string s_hkust = Path.Combine(RepoPaths.Root, "samples", "HKUSTx-COMP102x-2T2014");

    [MountFact]
    public void AFullDiskIsAOneLineErrorAndLeavesNoPart()
    {
        using var temp = new LoadFixtures.TempFolder();
        var synth = PackageSynthesizer.Run(new SynthOptions { Learners = 3000, Output = Path.Combine(temp.Path, "p", "course") });
        string disk = Path.Combine(temp.Path, "disk");
        using (Mounts.Tmpfs(disk, 128 << 10))
        {
            // Room for the lock file and the first pages, not for the Parquet files (~300 KB).
            string output = Path.Combine(disk, "ds");

            // The native writer reports the failed write as an exception of its own: the run stopped
            // on it (exit 134 and a stack trace) instead of the one-line error of a full disk.
            var run = ToolRunner.Run(["convert", synth.Folder, "--out", output, "--format", "parquet"]);

            Assert.Equal($"vismooc: error: {output}: no space left on the device; nothing was renamed, earlier outputs are as they were", run.StdErr.TrimEnd('\n'));
            Assert.Equal(1, run.ExitCode);
            Assert.Equal([".vismooc-lock"], Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        }
    }

    [Fact]
    public void ACourseIdTooLongForAFolderNameFailsTheRunBeforeAnyRename()
    {
        using var temp = new LoadFixtures.TempFolder();
        string package = Path.Combine(temp.Path, "in");
        CopyCourse(s_hkust, Path.Combine(package, "HKUSTx-COMP102x-2T2014"));

        // Without a course structure file the course id is the folder's name: 250 bytes, 257 with course=.
        string longName = new('L', 250);
        CopyCourse(s_ds101, Path.Combine(package, longName), "-auth_user-", "-auth_userprofile-");
        string output = Path.Combine(temp.Path, "ds");

        // The run used to fail on that folder among its renames: the HKUSTx parts in place, no report, the folder marked.
        var run = ToolRunner.Run(["convert", package, "--out", output, "--format", "parquet"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"vismooc: error: {Path.Combine(output, "users")}: the partition folder of course '{longName[..40]}…' (250 characters) would have a name of 257 bytes (course= and the escaped course id), and file systems allow 255: give the course folder a shorter name (it is the course id when the course has no course structure file); nothing was renamed", run.StdErr.TrimEnd('\n'));
        Assert.Equal([OutputFolderLock.FileName], Directory.GetFileSystemEntries(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public void AFileWhereAPartitionFolderGoesFailsTheRunBeforeAnyRename()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "ds");
        string blocker = Path.Combine(output, "users", "course=course-v1%3ASynthX+DS101+2099_T1");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "not a folder");

        var run = ToolRunner.Run(["convert", Path.Combine(RepoPaths.Root, "samples"), "--out", output, "--format", "parquet"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"vismooc: error: {output}: I/O error: ", run.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("; nothing was renamed, earlier outputs are as they were", run.StdErr.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, CommitMarker.FileName)));
        Assert.Empty(Directory.GetFiles(output, "*.parquet", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(output, "report-*.json"));
    }

    [Fact]
    public void TwoCourseFoldersOfOneCourseIdWriteTwoPartsOfOnePartition()
    {
        using var temp = new LoadFixtures.TempFolder();
        string package = Path.Combine(temp.Path, "in");

        // Two exports of one course (one course id), the second with other learners.
        CopyCourse(s_hkust, Path.Combine(package, "a-export"));
        CopyCourse(s_hkust, Path.Combine(package, "b-export"), "-course_structure-");
        CopyCourse(s_ds101, Path.Combine(package, "b-export"), "-auth_user-", "-auth_userprofile-");
        foreach (string file in Directory.GetFiles(Path.Combine(package, "b-export"), "SynthX-DS101-2099_T1-*"))
        {
            File.Move(file, file.Replace("SynthX-DS101-2099_T1-", "HKUSTx-COMP102x-2T2014-", StringComparison.Ordinal));
        }
        string csv = Path.Combine(temp.Path, "csv");
        string output = Path.Combine(temp.Path, "ds");
        PackageConverter.Run(new ConvertOptions { Input = package, Output = csv }, GeneratedTables.All);

        // Both courses' users files had the one final name: the second rename failed, the folder was left marked.
        var result = PackageConverter.Run(new ConvertOptions { Input = package, Output = output, Format = OutputFormat.Parquet }, GeneratedTables.All);

        Assert.Equal(
            [$"users/course=HKUSTx%2FCOMP102x%2F2T2014/part-{result.RunId}.parquet", $"users/course=HKUSTx%2FCOMP102x%2F2T2014/part-{result.RunId}_2.parquet"],
            result.ParquetFiles.Where(f => f.Table == "users").Select(f => f.File));
        Assert.False(File.Exists(Path.Combine(output, CommitMarker.FileName)));
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        var users = GeneratedTables.All.Single(t => t.Info.Name == "users").Info;
        string columns = string.Join(", ", users.Columns.Select(c => $"\"{c.Name}\""));
        var parquet = ParquetOutputTests.Rows(db, $"SELECT {columns} FROM read_parquet('{Path.Combine(output, "users", "*", "*.parquet")}')");
        var expected = new List<string?[]>();
        using (var reader = new DialectCsvReader(Path.Combine(csv, users.CsvFileName), users.Columns.Count))
        {
            while (reader.Read())
            {
                expected.Add(users.Columns.Select((c, i) => ParquetOutputTests.Canonical(c, reader.Values[i])).ToArray());
            }
        }

        Assert.Equal(expected, parquet);
    }

    [Fact]
    public void ARunStoppedAmongItsRenamesHasItsPartsRemovedByTheNextRun()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "ds");
        string samples = Path.Combine(RepoPaths.Root, "samples");
        var earlier = PackageConverter.Run(new ConvertOptions { Input = samples, Output = output, Format = OutputFormat.Parquet, CoursePattern = "HKUSTx-*" }, GeneratedTables.All);
        var stopped = PackageConverter.Run(new ConvertOptions { Input = samples, Output = output, Format = OutputFormat.Parquet, CoursePattern = "SynthX-*" }, GeneratedTables.All);

        // What a run killed among its renames leaves: some parts in place, its report not (renamed last), the marker naming them all.
        string report = PackageConverter.ParquetReportName(stopped.RunId!);
        CommitMarker.Begin(output, TableOutput.RunPrefix(), stopped.ParquetFiles.Select(f => f.File).Append(report));
        File.Delete(Path.Combine(output, report));
        File.Delete(Path.Combine(output, stopped.ParquetFiles[^1].File));
        var load = ToolRunner.Run(["load", output, "--db", "duckdb:" + Path.Combine(temp.Path, "db.duckdb")]);
        Assert.Equal($"vismooc: error: {output}: a conversion stopped while renaming its files, so the dataset holds some of its parts without their report: run 'vismooc convert' into the folder again (it first removes those parts); nothing was loaded", load.StdErr.TrimEnd('\n'));

        // The parts stayed beside the next run's (their rows twice in a read_parquet glob), and its commit removed the marker.
        var again = PackageConverter.Run(new ConvertOptions { Input = samples, Output = output, Format = OutputFormat.Parquet, CoursePattern = "SynthX-*" }, GeneratedTables.All);

        Assert.Equal(earlier.ParquetFiles.Concat(again.ParquetFiles).Select(f => f.File).Order(StringComparer.Ordinal), Directory.GetFiles(output, "*.parquet", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { earlier.RunId!, again.RunId! }.Select(PackageConverter.ParquetReportName).Order(StringComparer.Ordinal), Directory.GetFiles(output, "report-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(output, CommitMarker.FileName)));
        Assert.Equal(0, ToolRunner.Run(["load", output, "--quiet", "--db", "duckdb:" + Path.Combine(temp.Path, "db.duckdb")]).ExitCode);
    }

    [Fact]
    public void AMarkerRemovesOnlyItsOwnRunsPartsNeverOtherFilesNorThroughALink()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "ds");
        string elsewhere = Path.Combine(temp.Path, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "notes.txt"), "not the dataset's");
        var earlier = PackageConverter.Run(new ConvertOptions { Input = s_hkust, Output = output, Format = OutputFormat.Parquet }, GeneratedTables.All);
        File.WriteAllText(Path.Combine(output, "users.csv"), "a file of the folder");
        File.CreateSymbolicLink(Path.Combine(output, "link"), elsewhere);

        // A marker damaged or written by hand: a run whose report is missing, listing files that are not its own.
        const string RunId = "20260101T000000Z-0badc0de";
        string own = ParquetTableSink.FinalName("users", "X", RunId);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, own))!);
        File.WriteAllText(Path.Combine(output, own), "a part of the stopped run");
        string otherReport = PackageConverter.ParquetReportName(earlier.RunId!);
        CommitMarker.Begin(output, TableOutput.RunPrefix(), [PackageConverter.ParquetReportName(RunId), own, "link/notes.txt", "users.csv", otherReport, earlier.ParquetFiles[0].File]);

        // It used to delete every listed file in the folder: the file elsewhere through the link, the CSV, another run's report and part.
        Assert.Equal(0, ToolRunner.Run(["convert", s_hkust, "--out", output, "--format", "parquet", "--quiet"]).ExitCode);

        Assert.False(File.Exists(Path.Combine(output, own)));
        Assert.True(File.Exists(Path.Combine(elsewhere, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(output, "users.csv")));
        Assert.True(File.Exists(Path.Combine(output, otherReport)));
        Assert.True(File.Exists(Path.Combine(output, earlier.ParquetFiles[0].File)));
        Assert.False(CommitMarker.IsPresent(output));
    }

    [Fact]
    public void AParquetRunLeavesTheMarkOfACsvRunStoppedAmongItsRenames()
    {
        using var temp = new LoadFixtures.TempFolder();
        string output = Path.Combine(temp.Path, "out");
        string samples = Path.Combine(RepoPaths.Root, "samples");
        PackageConverter.Run(new ConvertOptions { Input = samples, Output = output }, GeneratedTables.All);

        // What a CSV run killed among its renames leaves: the marker naming its files.
        CommitMarker.Begin(output, TableOutput.RunPrefix(), ["users.csv", "forum.csv", "report.json"]);

        // The Parquet run replaced that marker with its own and removed it: the CSVs of two runs then loaded without a word.
        var run = ToolRunner.Run(["convert", samples, "--out", output, "--format", "parquet"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"vismooc: error: {Path.Combine(output, CommitMarker.FileName)}: a CSV conversion stopped here while renaming its files, so the folder's CSVs may come from two runs: convert into the folder again without --format parquet first (which repairs that), or write the Parquet dataset into another folder; nothing was written", run.StdErr.TrimEnd('\n'));
        Assert.True(CommitMarker.IsPresent(output));
        Assert.Empty(Directory.GetFiles(output, "report-*.json"));
        Assert.Equal(1, ToolRunner.Run(["load", output, "--quiet"]).ExitCode);
    }

    private static readonly string s_ds101 = Path.Combine(RepoPaths.Root, "samples", "SynthX-DS101-2099_T1");

    /// <summary>Copies the files of a course folder (those whose names contain one of <paramref name="only"/>, when given).</summary>
    private static void CopyCourse(string from, string to, params string[] only)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            if (only.Length == 0 || only.Any(o => Path.GetFileName(file).Contains(o, StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }
}
