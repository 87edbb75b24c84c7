using System.Buffers.Text;
using VisMooc.Modules.Input;

namespace VisMooc.Modules.Convert;

/// <summary>
/// The users table: auth_user joined to auth_userprofile on <c>auth_user.id = auth_userprofile.user_id</c>,
/// never by position. Profiles are indexed first; auth_user then streams.
/// </summary>
public sealed class UsersJob(TableOutput output) : IConvertJob
{
    /// <inheritdoc/>
    public IReadOnlyList<TableOutput> Outputs { get; } = [output];

    /// <inheritdoc/>
    public IReadOnlyList<EdxFileKind> InputKinds { get; } = [EdxFileKind.AuthUserProfile, EdxFileKind.AuthUser];

    /// <inheritdoc/>
    public void Run(IReadOnlyList<CourseInput> courses, ConvertRun run)
    {
        var table = output.Table.Info;
        var profileNames = UserRowSource.ProfileFieldNames(table);
        foreach (var course in courses)
        {
            var stats = run.BeginCourse(output, course.Name);
            if (course.FilesOf(EdxFileKind.AuthUser).Count == 0)
            {
                run.MissingFile(course, EdxFileKind.AuthUser, [stats]);
                continue;
            }

            if (course.FilesOf(EdxFileKind.AuthUserProfile).Count == 0)
            {
                // Users are still written, each without a profile; --strict refuses.
                run.MissingFile(course, EdxFileKind.AuthUserProfile, [], "users written without profiles (_id user-{id})");
                stats.MissingFile = null;
            }

            var profiles = new ProfileStore();
            foreach (var path in course.FilesOf(EdxFileKind.AuthUserProfile))
            {
                ReadProfiles(path, profileNames, profiles, stats);
            }

            var source = new UserRowSource(profiles);
            foreach (var path in course.FilesOf(EdxFileKind.AuthUser))
            {
                string name = Path.GetFileName(path);
                stats.Files.Add(name);
                using var reader = new EdxTsvReader(InputDiscovery.Open(path, output.InputRead), name);
                if (TsvRowSource.IsEmptyFile(reader))
                {
                    continue;
                }

                source.Bind(reader, table);
                int idColumn = reader.IndexOf("id");
                while (reader.Read())
                {
                    stats.Read++;
                    output.At(name, reader.LineNumber);
                    if (!reader.IsValid)
                    {
                        output.Reject(reader.RejectReason!, RawMasker.Mask(reader.RawRecord, reader.Header));
                        continue;
                    }

                    TsvRowSource.WarnAboutDecoding(reader, output);
                    source.Profile = TryParseId(reader.GetField(idColumn).Utf8, out long id) ? profiles.Match(id) : -1;
                    if (output.Write(source) is string reason)
                    {
                        output.Reject(reason, RawMasker.Mask(reader.RawRecord, reader.Header));
                    }
                }
            }

            foreach (long userId in profiles.Unmatched())
            {
                stats.Note("profilesWithoutUser", "user_id " + userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private void ReadProfiles(string path, List<string> fieldNames, ProfileStore profiles, TableStats stats)
    {
        string name = Path.GetFileName(path);
        stats.Files.Add(name);
        using var reader = new EdxTsvReader(InputDiscovery.Open(path, output.InputRead), name);
        if (TsvRowSource.IsEmptyFile(reader))
        {
            return;
        }

        var columns = new List<int>();
        foreach (var field in fieldNames.Prepend("user_id").Prepend("id").Distinct())
        {
            if (reader.IndexOf(field) < 0)
            {
                throw TsvRowSource.MissingColumn(reader, output.Table.Info, field, UserRowSource.ProfilePrefix + field);
            }
        }

        columns.AddRange(fieldNames.Select(reader.IndexOf));
        int idColumn = reader.IndexOf("id");
        int userIdColumn = reader.IndexOf("user_id");
        while (reader.Read())
        {
            output.At(name, reader.LineNumber);
            if (!reader.IsValid)
            {
                output.Reject(reader.RejectReason!, RawMasker.Mask(reader.RawRecord, reader.Header));
                continue;
            }

            TsvRowSource.WarnAboutDecoding(reader, output);
            var id = reader.GetField(idColumn);
            var userId = reader.GetField(userIdColumn);
            if (id.IsNullOrEmpty || userId.IsNullOrEmpty)
            {
                output.Reject(id.IsNullOrEmpty ? "missing key field 'id'" : "missing key field 'user_id'", RawMasker.Mask(reader.RawRecord, reader.Header));
                continue;
            }

            if (!TryParseId(userId.Utf8, out long key))
            {
                output.Reject("user_id is not an integer", RawMasker.Mask(reader.RawRecord, reader.Header));
                continue;
            }

            if (!profiles.Add(key, reader, columns))
            {
                stats.Duplicates++;
                stats.Note("duplicateProfiles", $"{name}:{reader.LineNumber}: a second profile for user_id {key}");
            }
        }
    }

    private static bool TryParseId(ReadOnlySpan<byte> text, out long id) =>
        Utf8Parser.TryParse(text, out id, out int consumed) && consumed == text.Length && text.Length > 0;
}
