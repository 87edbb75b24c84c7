using SharpFuzz;
using VisMooc.Fuzz;

// Usage: VisMooc.Fuzz TARGET            (under afl-fuzz: one input per run, from AFL)
//        VisMooc.Fuzz TARGET FILE...    (replays saved inputs, e.g. findings/*/crashes/*)
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine("usage: VisMooc.Fuzz " + string.Join('|', FuzzTargets.All.Keys) + " [FILE...]");
    return 2;
}

if (args.Length > 1)
{
    int failed = 0;
    foreach (var file in args.Skip(1))
    {
        try
        {
            target(File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            failed++;
            Console.Error.WriteLine($"{file}: {e}");
        }
    }

    return failed == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    target(copy.ToArray());
});
return 0;
