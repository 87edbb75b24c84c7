using System.Buffers.Binary;
using System.Numerics;

namespace VisMooc.Modules.Values;

/// <summary>
/// RIPEMD-160 (Dobbertin, Bosselaers, Preneel 1996) of a whole message at once. The pseudonyms
/// hash two short values per users row, a fifth of a conversion's CPU with a general-purpose
/// streaming digest; here the message words stay in locals and nothing is buffered or reset.
/// </summary>
/// <remarks>
/// The two lines of 80 steps are written out from the specification's tables (word order,
/// rotations, constants), each step renaming the five words instead of moving them. The lines
/// are independent chains of dependent steps, so they alternate step by step: the processor
/// then works on both at once. Checked against the specification's test vectors and against
/// BouncyCastle on random messages.
/// </remarks>
public static class Ripemd160
{
    /// <summary>Bytes of a digest.</summary>
    public const int DigestLength = 20;

    /// <summary>Writes the 20-byte digest of <paramref name="message"/> into <paramref name="digest"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digest.Length, DigestLength);
        var h = new State(0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u);
        int whole = message.Length & ~63;
        for (int at = 0; at < whole; at += 64)
        {
            Compress(ref h, message.Slice(at, 64));
        }

        // Padding: 0x80, zeros, and the length in bits (little-endian), in one block or two.
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        var rest = message[whole..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        int blocks = rest.Length < 56 ? 1 : 2;
        BinaryPrimitives.WriteUInt64LittleEndian(tail.Slice((64 * blocks) - 8), (ulong)message.Length * 8);
        for (int b = 0; b < blocks; b++)
        {
            Compress(ref h, tail.Slice(64 * b, 64));
        }

        BinaryPrimitives.WriteUInt32LittleEndian(digest, h.H0);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[4..], h.H1);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[8..], h.H2);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[12..], h.H3);
        BinaryPrimitives.WriteUInt32LittleEndian(digest[16..], h.H4);
    }

    private static void Compress(ref State h, ReadOnlySpan<byte> block)
    {
        uint x0 = BinaryPrimitives.ReadUInt32LittleEndian(block[0..]);
        uint x1 = BinaryPrimitives.ReadUInt32LittleEndian(block[4..]);
        uint x2 = BinaryPrimitives.ReadUInt32LittleEndian(block[8..]);
        uint x3 = BinaryPrimitives.ReadUInt32LittleEndian(block[12..]);
        uint x4 = BinaryPrimitives.ReadUInt32LittleEndian(block[16..]);
        uint x5 = BinaryPrimitives.ReadUInt32LittleEndian(block[20..]);
        uint x6 = BinaryPrimitives.ReadUInt32LittleEndian(block[24..]);
        uint x7 = BinaryPrimitives.ReadUInt32LittleEndian(block[28..]);
        uint x8 = BinaryPrimitives.ReadUInt32LittleEndian(block[32..]);
        uint x9 = BinaryPrimitives.ReadUInt32LittleEndian(block[36..]);
        uint x10 = BinaryPrimitives.ReadUInt32LittleEndian(block[40..]);
        uint x11 = BinaryPrimitives.ReadUInt32LittleEndian(block[44..]);
        uint x12 = BinaryPrimitives.ReadUInt32LittleEndian(block[48..]);
        uint x13 = BinaryPrimitives.ReadUInt32LittleEndian(block[52..]);
        uint x14 = BinaryPrimitives.ReadUInt32LittleEndian(block[56..]);
        uint x15 = BinaryPrimitives.ReadUInt32LittleEndian(block[60..]);

        uint a = h.H0, b = h.H1, c = h.H2, d = h.H3, e = h.H4;
        uint a2 = a, b2 = b, c2 = c, d2 = d, e2 = e;
        // round 1: a left step, then a right step
        a = BitOperations.RotateLeft(a + (b ^ c ^ d) + x0, 11) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + (b2 ^ (c2 | ~d2)) + x5 + 0x50A28BE6u, 8) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + (a ^ b ^ c) + x1, 14) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + (a2 ^ (b2 | ~c2)) + x14 + 0x50A28BE6u, 9) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + (e ^ a ^ b) + x2, 15) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + (e2 ^ (a2 | ~b2)) + x7 + 0x50A28BE6u, 9) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + (d ^ e ^ a) + x3, 12) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + (d2 ^ (e2 | ~a2)) + x0 + 0x50A28BE6u, 11) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + (c ^ d ^ e) + x4, 5) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + (c2 ^ (d2 | ~e2)) + x9 + 0x50A28BE6u, 13) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + (b ^ c ^ d) + x5, 8) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + (b2 ^ (c2 | ~d2)) + x2 + 0x50A28BE6u, 15) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + (a ^ b ^ c) + x6, 7) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + (a2 ^ (b2 | ~c2)) + x11 + 0x50A28BE6u, 15) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + (e ^ a ^ b) + x7, 9) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + (e2 ^ (a2 | ~b2)) + x4 + 0x50A28BE6u, 5) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + (d ^ e ^ a) + x8, 11) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + (d2 ^ (e2 | ~a2)) + x13 + 0x50A28BE6u, 7) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + (c ^ d ^ e) + x9, 13) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + (c2 ^ (d2 | ~e2)) + x6 + 0x50A28BE6u, 7) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + (b ^ c ^ d) + x10, 14) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + (b2 ^ (c2 | ~d2)) + x15 + 0x50A28BE6u, 8) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + (a ^ b ^ c) + x11, 15) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + (a2 ^ (b2 | ~c2)) + x8 + 0x50A28BE6u, 11) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + (e ^ a ^ b) + x12, 6) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + (e2 ^ (a2 | ~b2)) + x1 + 0x50A28BE6u, 14) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + (d ^ e ^ a) + x13, 7) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + (d2 ^ (e2 | ~a2)) + x10 + 0x50A28BE6u, 14) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + (c ^ d ^ e) + x14, 9) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + (c2 ^ (d2 | ~e2)) + x3 + 0x50A28BE6u, 12) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + (b ^ c ^ d) + x15, 8) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + (b2 ^ (c2 | ~d2)) + x12 + 0x50A28BE6u, 6) + e2; c2 = BitOperations.RotateLeft(c2, 10);

        // round 2: a left step, then a right step
        e = BitOperations.RotateLeft(e + ((a & b) | (~a & c)) + x7 + 0x5A827999u, 7) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 & c2) | (b2 & ~c2)) + x6 + 0x5C4DD124u, 9) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + ((e & a) | (~e & b)) + x4 + 0x5A827999u, 6) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 & b2) | (a2 & ~b2)) + x11 + 0x5C4DD124u, 13) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + ((d & e) | (~d & a)) + x13 + 0x5A827999u, 8) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 & a2) | (e2 & ~a2)) + x3 + 0x5C4DD124u, 15) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + ((c & d) | (~c & e)) + x1 + 0x5A827999u, 13) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + ((c2 & e2) | (d2 & ~e2)) + x7 + 0x5C4DD124u, 7) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + ((b & c) | (~b & d)) + x10 + 0x5A827999u, 11) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + ((b2 & d2) | (c2 & ~d2)) + x0 + 0x5C4DD124u, 12) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + ((a & b) | (~a & c)) + x6 + 0x5A827999u, 9) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 & c2) | (b2 & ~c2)) + x13 + 0x5C4DD124u, 8) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + ((e & a) | (~e & b)) + x15 + 0x5A827999u, 7) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 & b2) | (a2 & ~b2)) + x5 + 0x5C4DD124u, 9) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + ((d & e) | (~d & a)) + x3 + 0x5A827999u, 15) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 & a2) | (e2 & ~a2)) + x10 + 0x5C4DD124u, 11) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + ((c & d) | (~c & e)) + x12 + 0x5A827999u, 7) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + ((c2 & e2) | (d2 & ~e2)) + x14 + 0x5C4DD124u, 7) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + ((b & c) | (~b & d)) + x0 + 0x5A827999u, 12) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + ((b2 & d2) | (c2 & ~d2)) + x15 + 0x5C4DD124u, 7) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + ((a & b) | (~a & c)) + x9 + 0x5A827999u, 15) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 & c2) | (b2 & ~c2)) + x8 + 0x5C4DD124u, 12) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + ((e & a) | (~e & b)) + x5 + 0x5A827999u, 9) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 & b2) | (a2 & ~b2)) + x12 + 0x5C4DD124u, 7) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + ((d & e) | (~d & a)) + x2 + 0x5A827999u, 11) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 & a2) | (e2 & ~a2)) + x4 + 0x5C4DD124u, 6) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + ((c & d) | (~c & e)) + x14 + 0x5A827999u, 7) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + ((c2 & e2) | (d2 & ~e2)) + x9 + 0x5C4DD124u, 15) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + ((b & c) | (~b & d)) + x11 + 0x5A827999u, 13) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + ((b2 & d2) | (c2 & ~d2)) + x1 + 0x5C4DD124u, 13) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + ((a & b) | (~a & c)) + x8 + 0x5A827999u, 12) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 & c2) | (b2 & ~c2)) + x2 + 0x5C4DD124u, 11) + d2; b2 = BitOperations.RotateLeft(b2, 10);

        // round 3: a left step, then a right step
        d = BitOperations.RotateLeft(d + ((e | ~a) ^ b) + x3 + 0x6ED9EBA1u, 11) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 | ~a2) ^ b2) + x15 + 0x6D703EF3u, 9) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + ((d | ~e) ^ a) + x10 + 0x6ED9EBA1u, 13) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 | ~e2) ^ a2) + x5 + 0x6D703EF3u, 7) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + ((c | ~d) ^ e) + x14 + 0x6ED9EBA1u, 6) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + ((c2 | ~d2) ^ e2) + x1 + 0x6D703EF3u, 15) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + ((b | ~c) ^ d) + x4 + 0x6ED9EBA1u, 7) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + ((b2 | ~c2) ^ d2) + x3 + 0x6D703EF3u, 11) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + ((a | ~b) ^ c) + x9 + 0x6ED9EBA1u, 14) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 | ~b2) ^ c2) + x7 + 0x6D703EF3u, 8) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + ((e | ~a) ^ b) + x15 + 0x6ED9EBA1u, 9) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 | ~a2) ^ b2) + x14 + 0x6D703EF3u, 6) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + ((d | ~e) ^ a) + x8 + 0x6ED9EBA1u, 13) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 | ~e2) ^ a2) + x6 + 0x6D703EF3u, 6) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + ((c | ~d) ^ e) + x1 + 0x6ED9EBA1u, 15) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + ((c2 | ~d2) ^ e2) + x9 + 0x6D703EF3u, 14) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + ((b | ~c) ^ d) + x2 + 0x6ED9EBA1u, 14) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + ((b2 | ~c2) ^ d2) + x11 + 0x6D703EF3u, 12) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + ((a | ~b) ^ c) + x7 + 0x6ED9EBA1u, 8) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 | ~b2) ^ c2) + x8 + 0x6D703EF3u, 13) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + ((e | ~a) ^ b) + x0 + 0x6ED9EBA1u, 13) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 | ~a2) ^ b2) + x12 + 0x6D703EF3u, 5) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + ((d | ~e) ^ a) + x6 + 0x6ED9EBA1u, 6) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 | ~e2) ^ a2) + x2 + 0x6D703EF3u, 14) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + ((c | ~d) ^ e) + x13 + 0x6ED9EBA1u, 5) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + ((c2 | ~d2) ^ e2) + x10 + 0x6D703EF3u, 13) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + ((b | ~c) ^ d) + x11 + 0x6ED9EBA1u, 12) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + ((b2 | ~c2) ^ d2) + x0 + 0x6D703EF3u, 13) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + ((a | ~b) ^ c) + x5 + 0x6ED9EBA1u, 7) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 | ~b2) ^ c2) + x4 + 0x6D703EF3u, 7) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + ((e | ~a) ^ b) + x12 + 0x6ED9EBA1u, 5) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 | ~a2) ^ b2) + x13 + 0x6D703EF3u, 5) + c2; a2 = BitOperations.RotateLeft(a2, 10);

        // round 4: a left step, then a right step
        c = BitOperations.RotateLeft(c + ((d & a) | (e & ~a)) + x1 + 0x8F1BBCDCu, 11) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 & e2) | (~d2 & a2)) + x8 + 0x7A6D76E9u, 15) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + ((c & e) | (d & ~e)) + x9 + 0x8F1BBCDCu, 12) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + ((c2 & d2) | (~c2 & e2)) + x6 + 0x7A6D76E9u, 5) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + ((b & d) | (c & ~d)) + x11 + 0x8F1BBCDCu, 14) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + ((b2 & c2) | (~b2 & d2)) + x4 + 0x7A6D76E9u, 8) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + ((a & c) | (b & ~c)) + x10 + 0x8F1BBCDCu, 15) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 & b2) | (~a2 & c2)) + x1 + 0x7A6D76E9u, 11) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + ((e & b) | (a & ~b)) + x0 + 0x8F1BBCDCu, 14) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 & a2) | (~e2 & b2)) + x3 + 0x7A6D76E9u, 14) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + ((d & a) | (e & ~a)) + x8 + 0x8F1BBCDCu, 15) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 & e2) | (~d2 & a2)) + x11 + 0x7A6D76E9u, 14) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + ((c & e) | (d & ~e)) + x12 + 0x8F1BBCDCu, 9) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + ((c2 & d2) | (~c2 & e2)) + x15 + 0x7A6D76E9u, 6) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + ((b & d) | (c & ~d)) + x4 + 0x8F1BBCDCu, 8) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + ((b2 & c2) | (~b2 & d2)) + x0 + 0x7A6D76E9u, 14) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + ((a & c) | (b & ~c)) + x13 + 0x8F1BBCDCu, 9) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 & b2) | (~a2 & c2)) + x5 + 0x7A6D76E9u, 6) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + ((e & b) | (a & ~b)) + x3 + 0x8F1BBCDCu, 14) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 & a2) | (~e2 & b2)) + x12 + 0x7A6D76E9u, 9) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + ((d & a) | (e & ~a)) + x7 + 0x8F1BBCDCu, 5) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 & e2) | (~d2 & a2)) + x2 + 0x7A6D76E9u, 12) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + ((c & e) | (d & ~e)) + x15 + 0x8F1BBCDCu, 6) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + ((c2 & d2) | (~c2 & e2)) + x13 + 0x7A6D76E9u, 9) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + ((b & d) | (c & ~d)) + x14 + 0x8F1BBCDCu, 8) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + ((b2 & c2) | (~b2 & d2)) + x9 + 0x7A6D76E9u, 12) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + ((a & c) | (b & ~c)) + x5 + 0x8F1BBCDCu, 6) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + ((a2 & b2) | (~a2 & c2)) + x7 + 0x7A6D76E9u, 5) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + ((e & b) | (a & ~b)) + x6 + 0x8F1BBCDCu, 5) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + ((e2 & a2) | (~e2 & b2)) + x10 + 0x7A6D76E9u, 15) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + ((d & a) | (e & ~a)) + x2 + 0x8F1BBCDCu, 12) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + ((d2 & e2) | (~d2 & a2)) + x14 + 0x7A6D76E9u, 8) + b2; e2 = BitOperations.RotateLeft(e2, 10);

        // round 5: a left step, then a right step
        b = BitOperations.RotateLeft(b + (c ^ (d | ~e)) + x4 + 0xA953FD4Eu, 9) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + (c2 ^ d2 ^ e2) + x12, 8) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + (b ^ (c | ~d)) + x0 + 0xA953FD4Eu, 15) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + (b2 ^ c2 ^ d2) + x15, 5) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + (a ^ (b | ~c)) + x5 + 0xA953FD4Eu, 5) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + (a2 ^ b2 ^ c2) + x10, 12) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + (e ^ (a | ~b)) + x9 + 0xA953FD4Eu, 11) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + (e2 ^ a2 ^ b2) + x4, 9) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + (d ^ (e | ~a)) + x7 + 0xA953FD4Eu, 6) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + (d2 ^ e2 ^ a2) + x1, 12) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + (c ^ (d | ~e)) + x12 + 0xA953FD4Eu, 8) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + (c2 ^ d2 ^ e2) + x5, 5) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + (b ^ (c | ~d)) + x2 + 0xA953FD4Eu, 13) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + (b2 ^ c2 ^ d2) + x8, 14) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + (a ^ (b | ~c)) + x10 + 0xA953FD4Eu, 12) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + (a2 ^ b2 ^ c2) + x7, 6) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + (e ^ (a | ~b)) + x14 + 0xA953FD4Eu, 5) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + (e2 ^ a2 ^ b2) + x6, 8) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + (d ^ (e | ~a)) + x1 + 0xA953FD4Eu, 12) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + (d2 ^ e2 ^ a2) + x2, 13) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + (c ^ (d | ~e)) + x3 + 0xA953FD4Eu, 13) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + (c2 ^ d2 ^ e2) + x13, 6) + a2; d2 = BitOperations.RotateLeft(d2, 10);
        a = BitOperations.RotateLeft(a + (b ^ (c | ~d)) + x8 + 0xA953FD4Eu, 14) + e; c = BitOperations.RotateLeft(c, 10);
        a2 = BitOperations.RotateLeft(a2 + (b2 ^ c2 ^ d2) + x14, 5) + e2; c2 = BitOperations.RotateLeft(c2, 10);
        e = BitOperations.RotateLeft(e + (a ^ (b | ~c)) + x11 + 0xA953FD4Eu, 11) + d; b = BitOperations.RotateLeft(b, 10);
        e2 = BitOperations.RotateLeft(e2 + (a2 ^ b2 ^ c2) + x0, 15) + d2; b2 = BitOperations.RotateLeft(b2, 10);
        d = BitOperations.RotateLeft(d + (e ^ (a | ~b)) + x6 + 0xA953FD4Eu, 8) + c; a = BitOperations.RotateLeft(a, 10);
        d2 = BitOperations.RotateLeft(d2 + (e2 ^ a2 ^ b2) + x3, 13) + c2; a2 = BitOperations.RotateLeft(a2, 10);
        c = BitOperations.RotateLeft(c + (d ^ (e | ~a)) + x15 + 0xA953FD4Eu, 5) + b; e = BitOperations.RotateLeft(e, 10);
        c2 = BitOperations.RotateLeft(c2 + (d2 ^ e2 ^ a2) + x9, 11) + b2; e2 = BitOperations.RotateLeft(e2, 10);
        b = BitOperations.RotateLeft(b + (c ^ (d | ~e)) + x13 + 0xA953FD4Eu, 6) + a; d = BitOperations.RotateLeft(d, 10);
        b2 = BitOperations.RotateLeft(b2 + (c2 ^ d2 ^ e2) + x11, 11) + a2; d2 = BitOperations.RotateLeft(d2, 10);

        uint t = h.H1 + c + d2;
        h.H1 = h.H2 + d + e2;
        h.H2 = h.H3 + e + a2;
        h.H3 = h.H4 + a + b2;
        h.H4 = h.H0 + b + c2;
        h.H0 = t;
    }

    private struct State(uint h0, uint h1, uint h2, uint h3, uint h4)
    {
        public uint H0 = h0;
        public uint H1 = h1;
        public uint H2 = h2;
        public uint H3 = h3;
        public uint H4 = h4;
    }
}
