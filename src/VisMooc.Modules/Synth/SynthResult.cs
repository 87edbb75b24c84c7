namespace VisMooc.Modules.Synth;

/// <summary>What <see cref="PackageSynthesizer.Run"/> wrote.</summary>
public sealed record SynthResult(string Folder, string CourseId, SynthOptions Options, IReadOnlyList<SynthFile> Files, TimeSpan Elapsed)
{
    /// <summary>Bytes of all files.</summary>
    public long Bytes => Files.Sum(f => f.Bytes);
}
