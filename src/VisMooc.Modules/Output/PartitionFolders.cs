using System.Text;
using VisMooc.Modules.Pipeline;

namespace VisMooc.Modules.Output;

/// <summary>
/// Makes the partition folders of a Parquet run's parts before the first part is renamed, so that a
/// name the file system cannot take fails the run with nothing renamed instead of stopping it among
/// its renames (parts of some courses in the dataset, without a report): a course id too long for a
/// folder name, a file where a folder goes, or a file system that does not tell apart names that
/// differ only in case (macOS, Windows) and would put two courses into one folder.
/// </summary>
public static class PartitionFolders
{
    /// <summary>Bytes a file or folder name may have on the common file systems (ext4, XFS, APFS, NTFS: 255).</summary>
    public const int MaxNameBytes = 255;

    /// <summary>
    /// Creates the folder of each of <paramref name="partNames"/> (relative to <paramref name="output"/>) and checks
    /// that it has exactly that name and that no file has the part's name; on failure, removes the folders it made.
    /// </summary>
    /// <exception cref="ConvertException">A folder cannot be made or has another name, or a part's name is taken; nothing was renamed.</exception>
    public static void Prepare(string output, IEnumerable<string> partNames)
    {
        var made = new List<string>();
        try
        {
            foreach (string name in partNames)
            {
                string part = Path.Combine(output, name);
                string folder = Path.GetDirectoryName(part)!;
                string folderName = Path.GetFileName(folder);
                string course = HivePartition.Decode(folderName[(HivePartition.CourseColumn.Length + 1)..]);
                int bytes = Encoding.UTF8.GetByteCount(folderName);
                if (bytes > MaxNameBytes)
                {
                    throw new ConvertException(Path.GetDirectoryName(folder)!, $"the partition folder of course {Quoted(course)} would have a name of {bytes} bytes (course= and the escaped course id), and file systems allow {MaxNameBytes}: give the course folder a shorter name (it is the course id when the course has no course structure file); nothing was renamed");
                }

                if (!Directory.Exists(folder))
                {
                    Directory.CreateDirectory(folder);
                    made.Add(folder);
                }

                // A case-insensitive (or normalising) file system finds "course=MITx-A" when asked for "course=mitx-a".
                if (!Directory.EnumerateDirectories(Path.GetDirectoryName(folder)!, folderName).Select(Path.GetFileName).Contains(folderName, StringComparer.Ordinal))
                {
                    throw new ConvertException(folder, $"the partition folder of course {Quoted(course)} has another name on this file system (it does not tell apart names that differ only in case, or changes them), so the rows of two courses would share one folder: convert into a folder on a case-sensitive file system; nothing was renamed");
                }

                if (Path.Exists(part))
                {
                    throw new ConvertException(part, "exists already, and a run never replaces a part: remove it, or convert into another folder; nothing was renamed");
                }
            }
        }
        catch (Exception e) when (e is ConvertException or IOException or UnauthorizedAccessException)
        {
            for (int i = made.Count - 1; i >= 0; i--)
            {
                try
                {
                    Directory.Delete(made[i]);
                    string table = Path.GetDirectoryName(made[i])!;
                    if (!Directory.EnumerateFileSystemEntries(table).Any())
                    {
                        Directory.Delete(table);
                    }
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    // an empty folder left behind is no part of the dataset
                }
            }

            throw;
        }
    }

    private static string Quoted(string course) =>
        course.Length <= 80 ? "'" + course + "'" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{course[..40]}…' ({course.Length} characters)");
}
