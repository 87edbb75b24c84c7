namespace VisMooc.Modules.Pipeline;

/// <summary>A failure that stops the run, with a one-line message naming the file and what is wrong.</summary>
public sealed class ConvertException(string file, string problem) : Exception(file + ": " + problem)
{
    /// <summary>The file or folder concerned.</summary>
    public string File { get; } = file;
}
