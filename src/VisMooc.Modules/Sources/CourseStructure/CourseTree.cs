using System.Globalization;
using System.Text;
using VisMooc.Modules.Values;

namespace VisMooc.Modules.Sources.CourseStructure;

/// <summary>
/// The course tree rebuilt from a flat list of blocks: the root, and the videos in contract order.
/// Each visited block keeps only its parent and its index among the parent's children, so memory
/// is linear in the number of blocks however deep the tree; a video's section path is built from
/// those links when it is written (<see cref="Section"/>).
/// </summary>
public sealed class CourseTree
{
    private readonly int[] _parent;
    private readonly int[] _index;
    private readonly CourseBlock[] _block;
    private readonly List<int> _steps = [];

    private CourseTree(CourseBlock? root, List<(CourseBlock Video, int Node)> videos, int[] parent, int[] index, CourseBlock[] block, int missingChildren, List<string> missingExamples)
    {
        Root = root;
        Videos = videos;
        _parent = parent;
        _index = index;
        _block = block;
        MissingChildren = missingChildren;
        MissingChildExamples = missingExamples;
    }

    /// <summary>The first block whose category is <c>course</c>, or null.</summary>
    public CourseBlock? Root { get; }

    /// <summary>
    /// Every video, with its node for <see cref="Section"/>: depth-first from the root in
    /// <c>children</c> order (a block reached twice counts once, at its first visit), then videos
    /// the tree does not reach, by key in ordinal order, with node -1 (an empty section).
    /// </summary>
    public IReadOnlyList<(CourseBlock Video, int Node)> Videos { get; }

    /// <summary>How many <c>children</c> entries of reached blocks name no block in the file.</summary>
    public int MissingChildren { get; }

    /// <summary>The first few child keys that name no block.</summary>
    public IReadOnlyList<string> MissingChildExamples { get; }

    /// <summary>How many of <see cref="Videos"/> the tree does not reach from its root.</summary>
    public int UnreachableVideos => Videos.Count(v => v.Node < 0);

    /// <summary>Builds the tree. Blocks with a repeated key: the first wins.</summary>
    public static CourseTree Build(IReadOnlyList<CourseBlock> blocks)
    {
        const int Examples = 5;
        var byKey = new Dictionary<string, CourseBlock>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            byKey.TryAdd(block.Key, block);
        }

        var root = blocks.FirstOrDefault(b => b.Category == "course");
        var videos = new List<(CourseBlock, int)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var parent = new List<int>();
        var index = new List<int>();
        var visitedBlocks = new List<CourseBlock>();
        int missing = 0;
        var missingExamples = new List<string>();
        if (root is not null)
        {
            visited.Add(root.Key);
            parent.Add(-1);
            index.Add(0);
            visitedBlocks.Add(root);

            // Iterative depth-first walk (deep or hostile trees cannot overflow the stack); a frame
            // is a node and its next child, nothing that grows with the depth.
            var stack = new Stack<(int Node, int NextChild)>();
            stack.Push((0, 0));
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var block = visitedBlocks[node];
                if (next >= block.Children.Count)
                {
                    continue;
                }

                stack.Push((node, next + 1));
                string childKey = block.Children[next];
                if (!byKey.TryGetValue(childKey, out var child))
                {
                    // A missing child keeps its index (the contract) and is counted for a warning.
                    missing++;
                    if (missingExamples.Count < Examples)
                    {
                        missingExamples.Add(childKey);
                    }

                    continue;
                }

                if (!visited.Add(childKey))
                {
                    continue; // a repeated one counts once
                }

                int id = visitedBlocks.Count;
                visitedBlocks.Add(child);
                parent.Add(node);
                index.Add(next);
                if (child.Category == "video")
                {
                    videos.Add((child, id));
                }

                stack.Push((id, 0));
            }
        }

        var unreachable = byKey.Values
            .Where(b => b.Category == "video" && !visited.Contains(b.Key))
            .OrderBy(b => b.Key, StringComparer.Ordinal);
        foreach (var video in unreachable)
        {
            videos.Add((video, -1));
        }

        return new CourseTree(root, videos, [.. parent], [.. index], [.. visitedBlocks], missing, missingExamples);
    }

    /// <summary>
    /// Writes the section path of <paramref name="node"/> (from <see cref="Videos"/>) into
    /// <paramref name="output"/>: for each block below the root, <c>{index}&gt;&gt;{display_name}&gt;&gt;</c>;
    /// empty for -1. Returns the bytes written.
    /// </summary>
    public int Section(int node, ref byte[] output)
    {
        _steps.Clear();
        for (int n = node; n > 0; n = _parent[n])
        {
            _steps.Add(n);
        }

        int length = 0;
        Span<byte> digits = stackalloc byte[16];
        for (int s = _steps.Count - 1; s >= 0; s--)
        {
            int n = _steps[s];
            var name = _block[n].Get("display_name");
            var nameBytes = name.Kind == FieldKind.String ? name.Utf8 : [];
            _index[n].TryFormat(digits, out int digitCount, default, CultureInfo.InvariantCulture);
            int needed = length + digitCount + 2 + nameBytes.Length + 2;
            if (output.Length < needed)
            {
                Array.Resize(ref output, Math.Max(needed, output.Length * 2));
            }

            digits[..digitCount].CopyTo(output.AsSpan(length));
            length += digitCount;
            ">>"u8.CopyTo(output.AsSpan(length));
            length += 2;
            nameBytes.CopyTo(output.AsSpan(length));
            length += nameBytes.Length;
            ">>"u8.CopyTo(output.AsSpan(length));
            length += 2;
        }

        return length;
    }

    /// <summary>The section path of <paramref name="node"/> as text (for tests and messages).</summary>
    public string SectionText(int node)
    {
        byte[] buffer = [];
        return Encoding.UTF8.GetString(buffer, 0, Section(node, ref buffer));
    }
}
