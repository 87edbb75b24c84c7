namespace VisMooc.Modules.Load;

/// <summary>A load that failed and was rolled back; the message is one line naming what went wrong.</summary>
public sealed class LoadException(string message, Exception? inner = null) : Exception(message, inner);
