namespace VisMooc.Tests.Support;

/// <summary>Finds files of the repository the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding VisMooc.sln, above the test assembly.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VisMooc.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("VisMooc.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
