using System.Buffers;

namespace VisMooc.Modules.Collections;

/// <summary>
/// The one way a buffer grows: to at least the length needed and at least double, capped at
/// <see cref="Array.MaxLength"/>, keeping the elements in use. <see cref="Grow"/> is for arrays
/// rented from <see cref="ArrayPool{T}.Shared"/> (the old one goes back); <see cref="Resize"/> for
/// arrays the owner keeps or never gives back, which stay garbage-collected.
/// </summary>
internal static class PooledArray
{
    /// <summary>The length a buffer of <paramref name="length"/> grows to when <paramref name="needed"/> elements must fit.</summary>
    public static int GrownLength(int length, long needed) => (int)Math.Min(Math.Max(length * 2L, needed), Array.MaxLength);

    /// <summary>
    /// Replaces the pooled <paramref name="array"/> with a larger pooled one (see <see cref="GrownLength"/>),
    /// moving the <paramref name="keep"/> elements from <paramref name="keepFrom"/> on to its start, and gives the old one back to the pool.
    /// </summary>
    public static void Grow<T>(ref T[] array, int keep, long needed, int keepFrom = 0)
    {
        T[] grown = ArrayPool<T>.Shared.Rent(GrownLength(array.Length, needed));
        array.AsSpan(keepFrom, keep).CopyTo(grown);
        ArrayPool<T>.Shared.Return(array);
        array = grown;
    }

    /// <summary>Replaces the garbage-collected <paramref name="array"/> with a larger one (see <see cref="GrownLength"/>), keeping its first <paramref name="keep"/> elements.</summary>
    public static void Resize<T>(ref T[] array, int keep, long needed)
    {
        var grown = new T[GrownLength(array.Length, needed)];
        array.AsSpan(0, keep).CopyTo(grown);
        array = grown;
    }
}
