using BenchmarkDotNet.Running;

namespace VisMooc.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (e.g. <c>--filter '*'</c>).</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
