using System.Buffers.Binary;

namespace VisMooc.Modules.Collections;

/// <summary>
/// A set of 64-bit values that are uniformly spread (the first 64 bits of a SHA-256: click_events'
/// ids, one per written tracking-log event, hundreds of millions of them), in at most
/// <see cref="MaxBytesPerValue"/> bytes per value plus <see cref="MaxFixedBytes"/>: 65,536 buckets
/// by the top 16 bits, each a sorted array of the remaining 48 bits (6 bytes a value) that grows by
/// an eighth, so no bucket is ever more than an eighth empty and no growth doubles the memory.
/// </summary>
/// <remarks>
/// A lookup is a binary search in one bucket; an insert shifts the bucket's later half (about
/// 3 × n / 65,536 bytes: 4.5 KB at 10^8 values, 0.5 KB at 10^7). A hash table of 8-byte slots
/// would cost 10.7 to 21.3 bytes per value (load 37.5% to 75%, doubling), 32 while it rehashes.
/// </remarks>
public sealed class HashPrefixSet
{
    /// <summary>Bytes of bucket array per value held, at most (6-byte values, arrays at most an eighth unused, and 8 values of slack).</summary>
    public const double MaxBytesPerValue = 6 * 9.0 / 8;

    private const int BucketBits = 16;
    private const int Buckets = 1 << BucketBits;
    private const int Width = 6;

    // Per bucket: the array header, the references to it and the count, and up to 8 values of slack in a small bucket.
    private const long PerBucketBytes = 24 + 8 + 4 + (8 * Width);

    /// <summary>Bytes the set may hold apart from <see cref="MaxBytesPerValue"/> per value: every bucket in use.</summary>
    public const long MaxFixedBytes = Buckets * PerBucketBytes;

    private byte[][]? _buckets;
    private int[]? _counts;

    /// <summary>Number of values held.</summary>
    public long Count { get; private set; }

    /// <summary>Bytes held by the buckets' arrays (their lengths, without object headers).</summary>
    public long ArrayBytes { get; private set; }

    /// <summary>Adds <paramref name="value"/>; false when it was already there.</summary>
    public bool Add(ulong value)
    {
        _buckets ??= new byte[Buckets][];
        _counts ??= new int[Buckets];
        int b = (int)(value >> (64 - BucketBits));
        ulong rest = value & ((1UL << (64 - BucketBits)) - 1);
        byte[] bucket = _buckets[b] ?? [];
        int count = _counts[b];
        int at = Find(bucket, count, rest);
        if (at >= 0)
        {
            return false;
        }

        at = ~at;
        if ((count + 1) * Width > bucket.Length)
        {
            int capacity = count + Math.Max(8, count / 8);
            var grown = new byte[capacity * Width];
            bucket.AsSpan(0, at * Width).CopyTo(grown);
            bucket.AsSpan(at * Width, (count - at) * Width).CopyTo(grown.AsSpan((at + 1) * Width));
            ArrayBytes += grown.Length - bucket.Length;
            _buckets[b] = bucket = grown;
        }
        else
        {
            bucket.AsSpan(at * Width, (count - at) * Width).CopyTo(bucket.AsSpan((at + 1) * Width));
        }

        Write(bucket, at, rest);
        _counts[b] = count + 1;
        Count++;
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is in the set.</summary>
    public bool Contains(ulong value)
    {
        if (_buckets is null)
        {
            return false;
        }

        int b = (int)(value >> (64 - BucketBits));
        return _buckets[b] is { } bucket && Find(bucket, _counts![b], value & ((1UL << (64 - BucketBits)) - 1)) >= 0;
    }

    // Binary search; the index, or the complement of where it would go.
    private static int Find(byte[] bucket, int count, ulong rest)
    {
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            int mid = (int)((uint)(low + high) >> 1);
            ulong v = Read(bucket, mid);
            if (v == rest)
            {
                return mid;
            }

            if (v < rest)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }

    private static ulong Read(byte[] bucket, int i) =>
        BinaryPrimitives.ReadUInt32LittleEndian(bucket.AsSpan(i * Width)) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(bucket.AsSpan((i * Width) + 4)) << 32);

    private static void Write(byte[] bucket, int i, ulong rest)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(bucket.AsSpan(i * Width), (uint)rest);
        BinaryPrimitives.WriteUInt16LittleEndian(bucket.AsSpan((i * Width) + 4), (ushort)(rest >> 32));
    }
}
