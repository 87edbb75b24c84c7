using VisMooc.Modules.Discovery;
using VisMooc.Modules.IO;
using VisMooc.Modules.Pipeline;
using VisMooc.Modules.Reporting;
using VisMooc.Modules.Schema;
using VisMooc.Modules.Sources.EdxTsv;
using VisMooc.Modules.Staging;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.UsersJoin;

/// <summary>
/// The users table: auth_user joined to auth_userprofile on <c>auth_user.id = auth_userprofile.user_id</c>,
/// never by position. For each course, profiles are indexed first (<see cref="BeginFiles"/>);
/// auth_user then streams. Both files are read in chunks converted side by side (the index is only
/// read while auth_user is), applied in file order. A course without auth_user is skipped; one
/// without profiles only warns.
/// </summary>
public sealed class UsersJob(TableOutput output) : CourseFilesJob(output.Table.Info.Input, [output], output.Table.Info.Join!)
{
    // Rows whose profiles are looked up at once: enough misses in flight, few enough that their cache lines stay cached.
    private const int TouchBatch = 64;

    private readonly List<string> _profileNames = UserRowSource.ProfileFieldNames(output.Table.Info);

    // The profiles of the course being converted (its courses are converted one after another).
    private ProfileStore? _profiles;

    /// <inheritdoc/>
    protected override void BeginFiles(CourseInput course, IReadOnlyList<TableStats> stats, ConvertRun run)
    {
        var profileInput = output.Table.Info.Join!;
        if (course.FilesOf(profileInput).Count == 0)
        {
            // Users are still written, each without a profile; --strict refuses.
            run.MissingFile(course, profileInput, [], "users written without profiles (_id user-{id})");
            stats[0].MissingFile = null;
        }

        _profiles = new ProfileStore(_profileNames.Count);
        foreach (var path in course.FilesOf(profileInput))
        {
            ReadProfiles(path, _profiles, stats[0], run);
        }
    }

    /// <inheritdoc/>
    protected override void ConvertFile(CourseInput course, string path, string name, ConvertRun run)
    {
        var table = output.Table.Info;
        var profiles = _profiles!;
        using var reader = InputDiscovery.OpenTsv(path, output.InputRead);
        if (TsvRowSource.IsEmptyFile(reader))
        {
            return;
        }

        // Bound once here, so that a missing column fails before any chunk is read.
        new UserRowSource(profiles).Bind(reader, table);
        int idColumn = reader.IndexOf("id");
        ConvertChunks(
            run,
            reader.Chunks(run.Options.ChunkBytes),
            () =>
            {
                var chunkReader = new EdxTsvReader(reader);
                var source = new UserRowSource(profiles);
                source.Bind(chunkReader, table);
                return (Reader: chunkReader, Source: source, Writer: output.NewWriter());
            },
            (context, chunk) => [ConvertUsers(context.Reader, context.Source, context.Writer, chunk, profiles, idColumn)]);
    }

    /// <inheritdoc/>
    protected override void EndFiles(CourseInput course, IReadOnlyList<TableStats> stats, ConvertRun run)
    {
        foreach (long userId in _profiles!.UnmatchedUserIds())
        {
            stats[0].Note("profilesWithoutUser", "user_id " + userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _profiles = null;
    }

    private static TableChunk ConvertUsers(EdxTsvReader reader, UserRowSource source, TableChunkWriter writer, LfChunk chunk, ProfileStore profiles, int idColumn)
    {
        reader.Load(chunk);
        var ahead = chunk.Lines;
        long touched = 0;
        long rows = 0;
        while (reader.Read())
        {
            if (rows++ == touched)
            {
                touched += TouchProfiles(ref ahead, profiles, idColumn);
            }

            writer.CountRead();
            if (!writer.Admit(reader))
            {
                continue;
            }

            source.Profile = UserIds.TryParse(reader.GetField(idColumn).Utf8, out long id) ? profiles.Match(id) : -1;
            writer.WriteOrReject(source, reader);
        }

        return writer.Take();
    }

    /// <summary>
    /// Profiles are stored in another order than auth_user, so each row's profile is a cache miss
    /// or two, which the row waits for in turn. Looking up the next rows' user ids first, in a loop
    /// of independent reads (the id field up to its TAB, without decoding the record), lets the
    /// processor wait for many misses at once; a batch is small enough to stay in the cache until
    /// its rows are converted. Only a hint: it neither reads nor marks anything the conversion
    /// depends on (an id it cannot parse is simply not looked up). Returns the lines it passed.
    /// </summary>
    private static int TouchProfiles(ref LfLines lines, ProfileStore profiles, int idColumn)
    {
        Span<long> ids = stackalloc long[TouchBatch];
        int passed = 0;
        int count = 0;
        while (passed < TouchBatch && lines.MoveNext())
        {
            passed++;
            var field = lines.Current;
            for (int c = 0; c < idColumn && !field.IsEmpty; c++)
            {
                int tab = field.IndexOf((byte)'\t');
                field = tab < 0 ? default : field[(tab + 1)..];
            }

            int end = field.IndexOf((byte)'\t');
            if (UserIds.TryParse(end < 0 ? field : field[..end], out long id))
            {
                ids[count++] = id;
            }
        }

        // Never true: the use keeps the reads from being optimised away.
        if (profiles.Touch(ids[..count]) < 0)
        {
            throw new System.Diagnostics.UnreachableException();
        }

        return passed;
    }

    private void ReadProfiles(string path, ProfileStore profiles, TableStats stats, ConvertRun run)
    {
        string name = Path.GetFileName(path);
        stats.Files.Add(name);
        using var reader = InputDiscovery.OpenTsv(path, output.InputRead);
        if (TsvRowSource.IsEmptyFile(reader))
        {
            return;
        }

        foreach (var field in _profileNames.Prepend("user_id").Prepend("id").Distinct())
        {
            if (reader.IndexOf(field) < 0)
            {
                throw TsvRowSource.MissingColumn(reader, output.Table.Info, field, UserRowSource.ProfilePrefix + field);
            }
        }

        var columns = new List<int>(_profileNames.Count);
        foreach (string field in _profileNames)
        {
            columns.Add(reader.IndexOf(field));
        }

        int idColumn = reader.IndexOf("id");
        int userIdColumn = reader.IndexOf("user_id");
        ulong profileColumns = ProfileRowSource.ProfileColumns(output.Table.Info);
        run.Workers.Run(
            reader.Chunks(run.Options.ChunkBytes),
            () =>
            {
                var chunkReader = new EdxTsvReader(reader);
                return (Reader: chunkReader, Source: new ProfileRowSource(output.Table.Info), Writer: output.NewWriter());
            },
            (context, chunk) => ConvertProfiles(context.Reader, context.Source, context.Writer, chunk, columns, idColumn, userIdColumn, profileColumns),
            result =>
            {
                output.Append(result.Rejects);
                profiles.Add(result.Profiles, (userId, line) =>
                {
                    stats.Duplicates++;
                    stats.Note("duplicateProfiles", $"{name}:{line}: a second profile for user_id {userId}");
                });
            });
    }

    private static (TableChunk Rejects, ProfileBatch Profiles) ConvertProfiles(
        EdxTsvReader reader, ProfileRowSource source, TableChunkWriter writer, LfChunk chunk, List<int> columns, int idColumn, int userIdColumn, ulong profileColumns)
    {
        var profiles = new ProfileBatch();
        source.Batch = profiles;
        reader.Load(chunk);
        while (reader.Read())
        {
            if (!writer.Admit(reader))
            {
                continue;
            }

            var id = reader.GetField(idColumn);
            var userId = reader.GetField(userIdColumn);
            if (id.IsNullOrEmpty || userId.IsNullOrEmpty)
            {
                writer.Reject(id.IsNullOrEmpty ? "missing key field 'id'" : "missing key field 'user_id'", reader);
                continue;
            }

            if (!UserIds.TryParse(userId.Utf8, out long key))
            {
                writer.Reject("auth_userprofile.user_id: " + UserIds.Problem(userId), reader);
                continue;
            }

            // A value the users table cannot hold (a three-letter country) rejects the profile here,
            // at its own line: the user is then written without a profile, as for any rejected profile.
            // The check reads the record just packed, so each field is read from the file once.
            profiles.Add(key, reader.LineNumber, reader, columns);
            if (writer.Check(source, profileColumns) is string problem)
            {
                profiles.RemoveLast();
                writer.Reject(problem, reader);
            }
        }

        profiles.Seal();
        return (writer.Take(), profiles);
    }
}
