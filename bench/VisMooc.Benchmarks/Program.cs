using BenchmarkDotNet.Running;

namespace VisMooc.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (e.g. <c>--filter '*'</c>).</summary>
public static class Program
{
    /// <summary>Entry point; <c>parquet-writer NAME ROWS FILE</c> runs one writer of the Parquet comparison instead, <c>parquet-check FILE…</c> reads its files back with DuckDB.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "parquet-writer")
        {
            return ParquetWriterComparison.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "parquet-check")
        {
            return ParquetWriterComparison.Check(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
