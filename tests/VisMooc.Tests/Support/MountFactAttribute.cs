namespace VisMooc.Tests.Support;

/// <summary>
/// A fact that mounts a tmpfs or a read-only folder. Skipped with the reason where mounting is not
/// allowed; with <c>VISMOOC_REQUIRE_FAULT_TESTS=1</c> (set by CI) it runs and fails instead.
/// </summary>
public sealed class MountFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when mounts are not available and not required.</summary>
    public MountFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("VISMOOC_REQUIRE_FAULT_TESTS") != "1" && Mounts.Unavailable is string reason)
        {
            Skip = reason;
        }
    }
}
