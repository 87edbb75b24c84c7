using System.Globalization;
using System.Text;
using CsCheck;
using VisMooc.Modules.Values;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.TrackingLogs;

/// <summary>The shortest round-trip decimal without exponent: vectors from the contract and exhaustive properties.</summary>
public sealed class DoubleTextTests
{
    [Theory]
    [InlineData(290.0, "290")]
    [InlineData(308.506103515625, "308.506103515625")]
    [InlineData(1.5, "1.5")]
    [InlineData(1.0, "1")]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(0.1, "0.1")]
    [InlineData(100.0, "100")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1e16, "10000000000000000")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(1e-5, "0.00001")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(4.35, "4.35")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(2e9 + 0.5, "2000000000.5")] // times in the billions
    public void VectorsAreWrittenPlain(double value, string expected) => Assert.Equal(expected, Format(value));

    [Fact]
    public void TheExtremesFitAndHaveNoExponent()
    {
        string max = Format(double.MaxValue);
        Assert.Equal("17976931348623157" + new string('0', 292), max);
        string tiny = Format(double.Epsilon);
        Assert.Equal("0." + new string('0', 323) + "5", tiny);
        string smallestNormal = Format(2.2250738585072014E-308);
        Assert.Equal("0." + new string('0', 307) + "22250738585072014", smallestNormal);
        Assert.True(Format(-double.MaxValue).Length <= DoubleText.MaxLength);
        foreach (string s in new[] { max, tiny, smallestNormal })
        {
            Assert.Equal(double.Parse(s, CultureInfo.InvariantCulture), double.Parse(s, CultureInfo.InvariantCulture));
        }

        Assert.Equal(double.MaxValue, double.Parse(max, CultureInfo.InvariantCulture));
        Assert.Equal(double.Epsilon, double.Parse(tiny, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NonFiniteValuesAndShortBuffersAreRefused()
    {
        Span<byte> buffer = stackalloc byte[DoubleText.MaxLength];
        Assert.False(DoubleText.TryFormat(double.NaN, buffer, out _));
        Assert.False(DoubleText.TryFormat(double.PositiveInfinity, buffer, out _));
        Assert.False(DoubleText.TryFormat(double.NegativeInfinity, buffer, out _));
        Assert.False(DoubleText.TryFormat(1234.5, buffer[..5], out _));
        Assert.True(DoubleText.TryFormat(1234.5, buffer[..6], out int n));
        Assert.Equal(6, n);
    }

    [Fact]
    public void AnyFiniteDoubleRoundTripsInItsShortestPlainForm()
    {
        // Every bit pattern is as likely as any other: subnormals, huge and tiny exponents alike.
        var finite = Gen.ULong.Select(BitConverter.UInt64BitsToDouble).Where(double.IsFinite);
        var decimalLike = Gen.Select(Gen.Long[-10_000_000_000, 10_000_000_000], Gen.Int[0, 12], (m, s) => m / Math.Pow(10, s));
        Property.Check(Gen.Frequency((3, finite), (1, decimalLike)), value =>
        {
            string text = Format(value);
            Assert.DoesNotContain('E', text);
            Assert.DoesNotContain('e', text);
            Assert.Matches(@"^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$", text);
            double back = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back));

            // Shortest: no form with fewer significant digits reads back as the same double.
            int digits = text.TrimStart('-').Replace(".", "", StringComparison.Ordinal).TrimStart('0').TrimEnd('0').Length;
            if (digits > 1)
            {
                string fewer = value.ToString("E" + (digits - 2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                Assert.NotEqual(value, double.Parse(fewer, CultureInfo.InvariantCulture));
            }
        }, iterations: 20_000, seed: 14_1);
    }

    [Fact]
    public void FormattingAllocatesNothing()
    {
        Span<byte> buffer = stackalloc byte[DoubleText.MaxLength];
        double[] values = [290, 308.506103515625, 1e300, 5e-324, 0.1, -7.25];
        // Every value once first: a path's first use may fill a static table (that is not per-value
        // garbage), and whether another test used it before depends on the order the tests run in.
        foreach (double value in values)
        {
            DoubleText.TryFormat(value, buffer, out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            DoubleText.TryFormat(values[i % values.Length], buffer, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TheCultureDoesNotMatter()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("1234.5", Format(1234.5));
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal("-0.00000015", Format(-1.5e-7));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[DoubleText.MaxLength];
        Assert.True(DoubleText.TryFormat(value, buffer, out int n));
        return Encoding.ASCII.GetString(buffer[..n]);
    }
}
