namespace VisMooc.Tests.Support;

/// <summary>
/// A fact that needs a MariaDB server binary. Where <c>mariadbd</c> is not installed the test is
/// reported as skipped with the reason; with <c>VISMOOC_REQUIRE_MARIADB=1</c> (set by CI) it runs and fails instead.
/// </summary>
public sealed class MariaDbFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when the server is missing and not required.</summary>
    public MariaDbFactAttribute()
    {
        if (MariaDbServer.FindBinary("mariadbd") is null && Environment.GetEnvironmentVariable("VISMOOC_REQUIRE_MARIADB") != "1")
        {
            Skip = "mariadbd is not installed (apt-get install mariadb-server mariadb-client); MySQL/MariaDB tests skipped";
        }
    }
}
