namespace VisMooc.Tool.Config;

/// <summary>A config file that cannot be used, with a one-line message naming the file, the line and column, and the key.</summary>
internal sealed class ConfigException(string message) : Exception(message);
