using System.Text;
using VisMooc.Modules.Sources.CourseStructure;

namespace VisMooc.Modules.Sources.TrackingLog;

/// <summary>
/// From a video event's <c>event.id</c> to the course-structure key of its video (= <c>videos.original_id</c>),
/// built from one course's <c>video</c> and <c>videoalpha</c> blocks: an <c>i4x://</c> key by its html id,
/// a <c>block-v1:</c> key by its block id, and every key also by itself (a client that logs the key).
/// The first block of the structure wins when two give the same id.
/// </summary>
public sealed class VideoKeyMap
{
    private readonly Dictionary<byte[], byte[]> _keys;
    private readonly Dictionary<byte[], byte[]>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    private VideoKeyMap(Dictionary<byte[], byte[]> keys)
    {
        _keys = keys;
        _lookup = keys.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>A map without videos (a course without a structure): every id takes the fallback.</summary>
    public static VideoKeyMap Empty { get; } = Build(Array.Empty<(string, string)>());

    /// <summary>How many ids map to a video.</summary>
    public int Count => _keys.Count;

    /// <summary>Whether a block category is a video (<c>videoalpha</c> is its 2013 name).</summary>
    public static bool IsVideoCategory(string category) => category is "video" or "videoalpha";

    /// <summary>Builds the map from blocks as <see cref="CourseStructureReader"/> reads them.</summary>
    public static VideoKeyMap Build(IEnumerable<CourseBlock> blocks) => Build(blocks.Select(b => (b.Key, b.Category)));

    /// <summary>Builds the map from (block key, category) pairs in course-structure order.</summary>
    public static VideoKeyMap Build(IEnumerable<(string Key, string Category)> blocks)
    {
        var keys = new Dictionary<byte[], byte[]>(Utf8KeyComparer.Instance);
        var ids = new List<(byte[] Id, byte[] Key)>();
        foreach (var (key, category) in blocks)
        {
            if (!IsVideoCategory(category))
            {
                continue;
            }

            byte[] keyBytes = Encoding.UTF8.GetBytes(key);
            string? htmlId = HtmlId.Of(key);
            if (htmlId is not null)
            {
                ids.Add((Encoding.UTF8.GetBytes(htmlId), keyBytes));
            }

            ids.Add((keyBytes, keyBytes));
        }

        // Html ids first, so a key that happens to equal another block's html id does not shadow it.
        foreach (var (id, key) in ids.Where(p => !ReferenceEquals(p.Id, p.Key)))
        {
            keys.TryAdd(id, key);
        }

        foreach (var (id, key) in ids.Where(p => ReferenceEquals(p.Id, p.Key)))
        {
            keys.TryAdd(id, key);
        }

        return new VideoKeyMap(keys);
    }

    /// <summary>The key of the video <paramref name="eventId"/> names, or false.</summary>
    public bool TryGet(ReadOnlySpan<byte> eventId, out byte[] key) => _lookup.TryGetValue(eventId, out key!);
}
