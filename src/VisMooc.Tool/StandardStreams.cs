using System.Text;

namespace VisMooc.Tool;

/// <summary>
/// Standard output and standard error as every command uses them. A write to standard output
/// that fails (a full device: <c>vismooc schema &gt; /dev/full</c>; a closed descriptor) throws
/// <see cref="StandardOutputException"/>, which <see cref="Program.Main"/> turns into one line on
/// standard error and exit code 1 (a reader that went away, <c>vismooc describe | head -1</c>, is
/// none: .NET's console stream drops what is written to a broken pipe). A write to standard
/// error that fails is dropped: the work and its exit code do not depend on the console.
/// </summary>
internal static class StandardStreams
{

    /// <summary>Puts the guarded writers in place.</summary>
    public static void Install()
    {
        Console.SetOut(TextWriter.Synchronized(new StreamWriter(OpenOutput(), new UTF8Encoding(false), 4096) { AutoFlush = true }));
        Console.SetError(TextWriter.Synchronized(new DroppingWriter(Console.Error)));
    }

    /// <summary>Standard output as a stream whose failed writes throw <see cref="StandardOutputException"/> (use instead of <c>Console.OpenStandardOutput</c>).</summary>
    public static Stream OpenOutput() => new GuardedOutput(Console.OpenStandardOutput());

    /// <summary>Standard output; every failure to write it is a <see cref="StandardOutputException"/>.</summary>
    private sealed class GuardedOutput(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => Guard(inner.Flush);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return;
            }

            try
            {
                inner.Write(buffer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StandardOutputException((e.InnerException ?? e).Message, e);
            }
        }

        public override void WriteByte(byte value) => Write([value]);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private static void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StandardOutputException((e.InnerException ?? e).Message, e);
            }
        }
    }

    /// <summary>Standard error: a write that fails is dropped.</summary>
    private sealed class DroppingWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => Try(() => inner.Write(value));

        public override void Write(string? value) => Try(() => inner.Write(value));

        public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

        public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

        public override void WriteLine() => Try(inner.WriteLine);

        public override void Flush() => Try(inner.Flush);

        private static void Try(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nobody can be told: the exit code still says how the run ended.
            }
        }
    }
}

/// <summary>Standard output could not be written; <see cref="Exception.Message"/> is the system's reason.</summary>
internal sealed class StandardOutputException(string message, Exception? inner) : IOException(message, inner);
