using CsCheck;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Safety;

/// <summary>Generators of hostile reader inputs: noise over the bytes that matter to edX TSV and JSON, and mutations of real sample files.</summary>
internal static class FuzzInputs
{
    /// <summary>Bytes that steer the readers (separators, escapes, the NULL word, quotes, braces, BOM and broken UTF-8 bytes).</summary>
    private static readonly byte[] s_interesting =
        [.. "\t\n\r\\NUL0ntr\"{}[]:,$ab1 "u8, 0, 0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF, 0xED, 0xA0, 0x80, 0xF0, 0x9F];

    /// <summary>One byte, mostly from the interesting ones.</summary>
    public static readonly Gen<byte> Byte = Gen.Frequency(
        (5, Gen.Int[0, s_interesting.Length - 1].Select(i => s_interesting[i])),
        (1, Gen.Byte));

    /// <summary>Random bytes of up to <paramref name="max"/> length.</summary>
    public static Gen<byte[]> Noise(int max) => Byte.Array[0, max];

    /// <summary>One of the files <paramref name="seeds"/> with 1 to 8 random edits (replace, insert, delete, copy a slice, cut).</summary>
    public static Gen<byte[]> Mutated(params byte[][] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], Edit.Array[1, 8], (s, edits) => Apply(seeds[s], edits));

    /// <summary>Noise, or mutations of the seeds (mostly).</summary>
    public static Gen<byte[]> NoiseOrMutated(int max, params byte[][] seeds) => Gen.Frequency((1, Noise(max)), (3, Mutated(seeds)));

    /// <summary>A sample file's bytes.</summary>
    public static byte[] Sample(string course, string suffix) => File.ReadAllBytes(Path.Combine(RepoPaths.Root, "samples", course, course + suffix));

    private static readonly Gen<(int Kind, int At, int Other, byte Value)> Edit =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Byte, (k, a, o, b) => (k, a, o, b));

    private static byte[] Apply(byte[] seed, (int Kind, int At, int Other, byte Value)[] edits)
    {
        var bytes = new List<byte>(seed);
        foreach (var (kind, at, other, value) in edits)
        {
            int i = bytes.Count == 0 ? 0 : at % (bytes.Count + 1);
            switch (kind)
            {
                case <= 2 when i < bytes.Count:
                    bytes[i] = value;
                    break;
                case <= 5:
                    bytes.Insert(i, value);
                    break;
                case <= 7 when i < bytes.Count:
                    bytes.RemoveRange(i, Math.Min(1 + (other % 8), bytes.Count - i));
                    break;
                case 8 when bytes.Count > 0:
                    int from = other % bytes.Count;
                    bytes.InsertRange(i, bytes.GetRange(from, Math.Min(1 + (other % 64), bytes.Count - from)));
                    break;
                case 9:
                    bytes.RemoveRange(i, bytes.Count - i);
                    break;
            }
        }

        return [.. bytes];
    }
}
