namespace VisMooc.Modules.Synth;

/// <summary>One generated file: its name, size and how many records it holds.</summary>
public sealed record SynthFile(string Name, long Bytes, long Records);
