using VisMooc.Modules.Pipeline;
using VisMooc.Tests.Support;

namespace VisMooc.Tests.Converting;

/// <summary>
/// The committed fixture packages (Fixtures/Packages), each course converted alone and the whole
/// package converted at once, once per test class that uses them.
/// </summary>
public sealed class ConvertedFixtures : IDisposable
{
    private readonly ConvertHarness _harness = new();

    /// <summary>Converts the old-style course, the new-style course and the package holding both.</summary>
    public ConvertedFixtures()
    {
        Old = Convert(ConvertHarness.OldCourse);
        New = Convert(ConvertHarness.NewCourse);
        Package = Convert(null);
    }

    /// <summary>The old-style course converted alone.</summary>
    public Converted Old { get; }

    /// <summary>The new-style course converted alone.</summary>
    public Converted New { get; }

    /// <summary>Both courses converted in one run.</summary>
    public Converted Package { get; }

    /// <summary>The conversion with the given name: <c>old</c>, <c>new</c> or <c>package</c>.</summary>
    public Converted this[string name] => name switch
    {
        "old" => Old,
        "new" => New,
        "package" => Package,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "old, new or package"),
    };

    /// <inheritdoc/>
    public void Dispose() => _harness.Dispose();

    private Converted Convert(string? course)
    {
        string input = course is null ? ConvertHarness.FixturePackages : Path.Combine(ConvertHarness.FixturePackages, course);
        string output = Path.Combine(_harness.Root, course ?? "package");
        return new Converted(output, _harness.Convert(input, output));
    }

    /// <summary>One conversion's output folder and result.</summary>
    /// <param name="Output">The output folder.</param>
    /// <param name="Result">What the run reported.</param>
    public sealed record Converted(string Output, ConvertResult Result);
}
