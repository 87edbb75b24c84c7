namespace VisMooc.Modules.Schema;

/// <summary>Where an input's files are found.</summary>
public enum InputScope
{
    /// <summary>In each course folder of the package (the default).</summary>
    Course = 0,
    /// <summary>Once for a whole organisation (tracking logs), shared by its courses. Reserved: discovery does not look for them yet.</summary>
    Organisation = 1,
}
