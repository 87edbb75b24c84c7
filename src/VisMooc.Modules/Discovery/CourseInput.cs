using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Schema;

namespace VisMooc.Modules.Discovery;

/// <summary>One course folder and the package files found in it, by kind, in ordinal name order.</summary>
/// <param name="Name">The course folder's name, used in reports.</param>
/// <param name="Folder">The folder's full path.</param>
/// <param name="Files">The files found for each kind (missing kinds have no entry).</param>
public sealed record CourseInput(string Name, string Folder, IReadOnlyDictionary<InputDescriptor, IReadOnlyList<string>> Files)
{
    /// <summary>Why the course cannot be converted at all, found before reading it (its only package files are encrypted, not regular files…); null when it can be tried.</summary>
    public ConvertException? Unreadable { get; init; }

    /// <summary>Files that look like package files but are not read as they are (encrypted, misnamed…), with what to do.</summary>
    public IReadOnlyList<UnreadableFile> UnreadableFiles { get; init; } = [];

    /// <summary>
    /// The exact file name expected for each kind, when a configuration names them (a
    /// MOOC-Learner-Curated config.yml) rather than discovery finding them by pattern: messages
    /// about a missing file then name it and the folder searched.
    /// </summary>
    public IReadOnlyDictionary<InputDescriptor, string>? ExpectedNames { get; init; }

    /// <summary>The files of one kind (empty when none was found).</summary>
    public IReadOnlyList<string> FilesOf(InputDescriptor kind) => Files.TryGetValue(kind, out var f) ? f : [];
}
