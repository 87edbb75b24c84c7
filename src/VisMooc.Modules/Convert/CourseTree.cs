using System.Globalization;
using System.Text;
using VisMooc.Modules.Input;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Convert;

/// <summary>The course tree rebuilt from a flat list of blocks: the root, and the videos in contract order with their section paths.</summary>
public sealed class CourseTree
{
    private CourseTree(CourseBlock? root, List<(CourseBlock Video, byte[] Section)> videos)
    {
        Root = root;
        Videos = videos;
    }

    /// <summary>The first block whose category is <c>course</c>, or null.</summary>
    public CourseBlock? Root { get; }

    /// <summary>
    /// Every video: depth-first from the root in <c>children</c> order (a block reached twice counts
    /// once, at its first visit), then videos the tree does not reach, by key in ordinal order, with an empty section.
    /// </summary>
    public IReadOnlyList<(CourseBlock Video, byte[] Section)> Videos { get; }

    /// <summary>Builds the tree. Blocks with a repeated key: the first wins.</summary>
    public static CourseTree Build(IReadOnlyList<CourseBlock> blocks)
    {
        var byKey = new Dictionary<string, CourseBlock>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            byKey.TryAdd(block.Key, block);
        }

        var root = blocks.FirstOrDefault(b => b.Category == "course");
        var videos = new List<(CourseBlock, byte[])>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        if (root is not null)
        {
            visited.Add(root.Key);
            // Iterative depth-first walk (deep or hostile trees cannot overflow the stack).
            var stack = new Stack<(CourseBlock Block, int NextChild, byte[] Path)>();
            stack.Push((root, 0, []));
            while (stack.Count > 0)
            {
                var (block, next, path) = stack.Pop();
                if (next >= block.Children.Count)
                {
                    continue;
                }

                stack.Push((block, next + 1, path));
                string childKey = block.Children[next];
                if (!byKey.TryGetValue(childKey, out var child) || !visited.Add(childKey))
                {
                    continue; // a missing child keeps its index; a repeated one counts once
                }

                byte[] childPath = Step(path, next, child);
                if (child.Category == "video")
                {
                    videos.Add((child, childPath));
                }

                stack.Push((child, 0, childPath));
            }
        }

        var unreachable = byKey.Values
            .Where(b => b.Category == "video" && !visited.Contains(b.Key))
            .OrderBy(b => b.Key, StringComparer.Ordinal);
        foreach (var video in unreachable)
        {
            videos.Add((video, []));
        }

        return new CourseTree(root, videos);
    }

    private static byte[] Step(byte[] path, int index, CourseBlock block)
    {
        var name = block.Get("display_name");
        var step = Encoding.ASCII.GetBytes(index.ToString(CultureInfo.InvariantCulture) + ">>");
        var nameBytes = name.Kind == FieldKind.String ? name.Utf8 : [];
        var result = new byte[path.Length + step.Length + nameBytes.Length + 2];
        path.CopyTo(result, 0);
        step.CopyTo(result, path.Length);
        nameBytes.CopyTo(result.AsSpan(path.Length + step.Length));
        result[^2] = (byte)'>';
        result[^1] = (byte)'>';
        return result;
    }
}
