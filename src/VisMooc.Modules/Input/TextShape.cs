namespace VisMooc.Modules.Input;

/// <summary>
/// Tells, from the first bytes of an input file, that it is not UTF-8 text split by LF, which no
/// reader could then split into records: UTF-16 or UTF-32 text (with or without a byte order mark),
/// old-Mac CR-only line ends, or compressed or encrypted data under a plain name. Each answer is a
/// problem to report (naming the file is the caller's business), or null.
/// </summary>
public static class TextShape
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    /// <summary>
    /// The problem with the start of a file (from its first byte, after a UTF-8 byte order mark):
    /// a UTF-16/32 byte order mark, a signature of compressed or encrypted data, or a NUL byte in
    /// the first line (UTF-16 text of ASCII characters has one in every other byte). Null when none.
    /// </summary>
    public static string? Encoding(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || start.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return "the file is UTF-32 text (it starts with a UTF-32 byte order mark), not UTF-8: convert it first, e.g. iconv -f UTF-32 -t UTF-8 FILE > NEW";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "the file is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8 FILE > NEW";
        }

        if (Signature(start) is string packed)
        {
            return packed;
        }

        int lf = start.IndexOf(Lf);
        if ((lf < 0 ? start : start[..lf]).Contains((byte)0))
        {
            return "the file is not UTF-8 text: its first line holds NUL bytes (UTF-16 without a byte order mark?); convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8 FILE > NEW";
        }

        return null;
    }

    /// <summary>
    /// The problem with a first line (without its LF) that holds a CR followed by more text: the
    /// file's lines end in CR alone, so it is all one line to a reader that splits at LF. A CR
    /// before the LF (CRLF line ends) and trailing blanks are fine. Null when none.
    /// </summary>
    public static string? CrOnlyLineEnds(ReadOnlySpan<byte> firstLine) =>
        firstLine.TrimEnd(" \t\r"u8).Contains(Cr)
            ? "its first line holds a CR followed by more text: the file has old-Mac (CR-only) line ends, which VisMooc cannot split into records; convert them to LF first (e.g. mac2unix FILE)"
            : null;

    /// <summary>What a file is when it starts with the signature of compressed, archived or encrypted data; else null.</summary>
    public static string? Signature(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "the file is gzip-compressed but its name does not end in .gz: add .gz to its name (VisMooc then reads it as it is)";
        }

        if (start.StartsWith("PK\x03\x04"u8) || start.StartsWith("PK\x05\x06"u8))
        {
            return "the file is a zip archive: unzip it first";
        }

        if (start.StartsWith("BZh"u8) && start.Length > 3 && start[3] is >= (byte)'1' and <= (byte)'9')
        {
            return "the file is bzip2-compressed, which VisMooc does not read: decompress it first (bunzip2)";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0]))
        {
            return "the file is xz-compressed, which VisMooc does not read: decompress it first (xz -d)";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C]))
        {
            return "the file is a 7z archive, which VisMooc does not read: extract it first (7z x)";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]))
        {
            return "the file is zstd-compressed, which VisMooc does not read: decompress it first (zstd -d)";
        }

        // OpenPGP: armoured, or a binary message's first packet (an encrypted session key); those
        // bytes never start UTF-8 text.
        if (start.StartsWith("-----BEGIN PGP"u8) || (!start.IsEmpty && start[0] is 0x84 or 0x85 or 0x8C or 0x8D or 0xC1 or 0xC3))
        {
            return "the file is encrypted (OpenPGP): decrypt it first (gpg --decrypt-files FILE)";
        }

        return null;
    }
}
