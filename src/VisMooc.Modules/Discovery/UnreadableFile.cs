using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Discovery;

/// <summary>A file that looks like a package file VisMooc cannot read as it is (encrypted, compressed another way, misnamed, not a regular file), and what to do about it.</summary>
/// <param name="Path">The file.</param>
/// <param name="Kind">The kind of package file it looks like.</param>
/// <param name="Problem">What is wrong and what to do, to follow the file's name ("is encrypted: decrypt it first …"): one line.</param>
/// <param name="Fatal">True when the course cannot be converted while it is there (a FIFO or device named like a package file).</param>
public sealed record UnreadableFile(string Path, InputDescriptor Kind, string Problem, bool Fatal = false);
