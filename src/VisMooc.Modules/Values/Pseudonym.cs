using Org.BouncyCastle.Crypto.Digests;

namespace VisMooc.Modules.Values;

/// <summary>
/// Unsalted RIPEMD-160 pseudonyms as MOOCdb's other tools make them: lowercase hex of the digest of
/// the UTF-8 bytes. .NET has no RIPEMD-160, so BouncyCastle supplies the digest.
/// </summary>
public static class Pseudonym
{
    /// <summary>Length of the hex digest.</summary>
    public const int HexLength = 40;

    [ThreadStatic]
    private static RipeMD160Digest? t_digest;

    /// <summary>Writes the 40 lowercase hex digits of RIPEMD-160(<paramref name="utf8"/>) into <paramref name="hex"/>.</summary>
    public static void Ripemd160Hex(ReadOnlySpan<byte> utf8, Span<byte> hex)
    {
        var digest = t_digest ??= new RipeMD160Digest();
        digest.BlockUpdate(utf8);
        Span<byte> hash = stackalloc byte[20];
        digest.DoFinal(hash);
        ToHex(hash, hex);
    }

    private static void ToHex(ReadOnlySpan<byte> bytes, Span<byte> hex)
    {
        const string Digits = "0123456789abcdef";
        for (int i = 0; i < bytes.Length; i++)
        {
            hex[2 * i] = (byte)Digits[bytes[i] >> 4];
            hex[(2 * i) + 1] = (byte)Digits[bytes[i] & 0xF];
        }
    }

    /// <summary>
    /// The pseudonym of <paramref name="utf8"/> into 40 hex digits: unsalted RIPEMD-160 without a key
    /// (MOOCdb's form, so rows join across MOOCdb), else HMAC-SHA256 keyed by <paramref name="key"/>
    /// cut to its first 160 bits, so it fits the same <c>varchar(40)</c> columns.
    /// </summary>
    public static void Hex(byte[]? key, ReadOnlySpan<byte> utf8, Span<byte> hex)
    {
        if (key is null)
        {
            Ripemd160Hex(utf8, hex);
            return;
        }

        KeyedHex(key, utf8, hex);
    }

    // Apart, and never inlined: compiling Hex then does not load System.Security.Cryptography (and
    // OpenSSL with it) for a run without a key, which never calls this.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void KeyedHex(byte[] key, ReadOnlySpan<byte> utf8, Span<byte> hex)
    {
        Span<byte> mac = stackalloc byte[32];
        System.Security.Cryptography.HMACSHA256.HashData(key, utf8, mac);
        ToHex(mac[..20], hex);
    }

    /// <summary>RIPEMD-160 hex of a string's UTF-8 bytes.</summary>
    public static string Ripemd160Hex(string text)
    {
        Span<byte> hex = stackalloc byte[HexLength];
        Ripemd160Hex(System.Text.Encoding.UTF8.GetBytes(text), hex);
        return System.Text.Encoding.ASCII.GetString(hex);
    }
}
