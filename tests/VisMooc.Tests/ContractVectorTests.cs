using VisMooc.Modules.Values;

namespace VisMooc.Tests;

public sealed class ContractVectorTests
{
    [Theory]
    [InlineData("i4x://org/course/video/f50cc021e7b84729b53aabf23017cd13", 4176302298990310613L)]
    [InlineData("", 0L)]
    public void StableIdMatchesContractVector(string input, long expected) =>
        Assert.Equal(expected, PythonHash.Compute(System.Text.Encoding.UTF8.GetBytes(input)));

    [Theory]
    [InlineData("", "9c1185a5c5e9fc54612808977ee8f548b2258d31")]
    [InlineData("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")]
    public void Ripemd160MatchesContractVectors(string input, string expected) =>
        Assert.Equal(expected, Pseudonym.Ripemd160Hex(input));
}
