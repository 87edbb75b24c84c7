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
        const string Digits = "0123456789abcdef";
        for (int i = 0; i < 20; i++)
        {
            hex[2 * i] = (byte)Digits[hash[i] >> 4];
            hex[(2 * i) + 1] = (byte)Digits[hash[i] & 0xF];
        }
    }

    /// <summary>RIPEMD-160 hex of a string's UTF-8 bytes.</summary>
    public static string Ripemd160Hex(string text)
    {
        Span<byte> hex = stackalloc byte[HexLength];
        Ripemd160Hex(System.Text.Encoding.UTF8.GetBytes(text), hex);
        return System.Text.Encoding.ASCII.GetString(hex);
    }
}
