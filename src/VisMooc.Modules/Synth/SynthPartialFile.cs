using VisMooc.Modules.IO;


namespace VisMooc.Modules.Synth;

/// <summary>
/// Creates the partial file of a generated file. Never through a link: a leftover entry at the
/// partial name (a killed run's file, or a symbolic link someone put there) is removed, not
/// followed, and the file is created new (<c>O_EXCL</c>); a final name that is a folder, a FIFO
/// or a device is refused before anything is written.
/// </summary>
internal static class SynthPartialFile
{
    /// <exception cref="IOException">The final or partial name is taken by something that is not a file.</exception>
    public static FileStream Create(string partial, string path)
    {
        if (new FileInfo(path).LinkTarget is null && FileType.NotRegular(path) is string what)
        {
            throw new IOException($"{path}: is {what}, not a file; vismooc synth writes a file of this name: remove or rename it, or use another --out");
        }

        if (Directory.Exists(partial) && new FileInfo(partial).LinkTarget is null)
        {
            throw new IOException($"{partial}: is a folder; vismooc synth writes its partial file under this name: remove it");
        }

        File.Delete(partial); // a file or a link (the link itself), or nothing
        return new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }
}
