using System.Text;
using CsCheck;
using Org.BouncyCastle.Crypto.Digests;
using VisMooc.Modules.Values;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Values;

/// <summary>The pseudonyms' RIPEMD-160: the specification's test vectors, and BouncyCastle's digest on random messages of every length around the padding's edges.</summary>
public sealed class Ripemd160Tests
{
    [Theory]
    [InlineData("", "9c1185a5c5e9fc54612808977ee8f548b2258d31")]
    [InlineData("a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe")]
    [InlineData("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")]
    [InlineData("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "b0e20b6e3116640286ed3a87a5713079b21f5189")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "9b752e45573d4b39f4dbd3323cab82bf63326bfb")]
    public void TheSpecificationsVectors(string message, string digest) =>
        Assert.Equal(digest, Hex(Encoding.ASCII.GetBytes(message)));

    [Fact]
    public void AMillionAs() =>
        Assert.Equal("52783243c1697bdbe16d37f97f68f08325dc1528", Hex(Enumerable.Repeat((byte)'a', 1_000_000).ToArray()));

    [Fact]
    public void EveryLengthUpToFourBlocksAgreesWithBouncyCastle()
    {
        var random = new Random(5);
        for (int length = 0; length <= 4 * 64 + 1; length++)
        {
            byte[] message = new byte[length];
            random.NextBytes(message);
            Assert.True(Reference(message) == Hex(message), $"length {length}");
        }
    }

    [Fact]
    public void RandomMessagesAgreeWithBouncyCastle() =>
        Property.Check(Gen.Byte.Array[0, 2000], message => Assert.Equal(Reference(message), Hex(message)), iterations: 2000, seed: 9_000_001);

    [Fact]
    public void PseudonymsAreTheLowercaseHexOfTheDigest() =>
        Assert.Equal(Reference(Encoding.UTF8.GetBytes("synth_ada")), Pseudonym.Ripemd160Hex("synth_ada"));

    private static string Hex(byte[] message)
    {
        byte[] digest = new byte[Ripemd160.DigestLength];
        Ripemd160.Hash(message, digest);
        return Convert.ToHexStringLower(digest);
    }

    private static string Reference(byte[] message)
    {
        var digest = new RipeMD160Digest();
        digest.BlockUpdate(message, 0, message.Length);
        byte[] result = new byte[20];
        digest.DoFinal(result, 0);
        return Convert.ToHexStringLower(result);
    }
}
