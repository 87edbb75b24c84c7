using System.Diagnostics;

namespace VisMooc.Tests.Support;

/// <summary>Small throwaway mounts for fault tests: a tiny tmpfs (a full disk) or a read-only bind mount (an unwritable folder).</summary>
public sealed class Mounts : IDisposable
{
    private static readonly Lazy<string?> s_unavailable = new(Probe);

    private readonly string _path;

    private Mounts(string path) => _path = path;

    /// <summary>Why mounts cannot be made here (not root, no mount permission), or null when they can.</summary>
    public static string? Unavailable => s_unavailable.Value;

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> bytes on <paramref name="path"/> (created when missing).</summary>
    public static Mounts Tmpfs(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", path);
        return new Mounts(path);
    }

    /// <summary>Makes <paramref name="path"/> read-only in place (a bind mount of itself).</summary>
    public static Mounts ReadOnly(string path)
    {
        Run("mount", "--bind", path, path);
        var mount = new Mounts(path);
        Run("mount", "-o", "remount,ro,bind", path);
        return mount;
    }

    /// <summary>Mounts the file <paramref name="source"/> over the file <paramref name="path"/> (a bind mount): nothing can be renamed onto <paramref name="path"/> then (EBUSY), though it is a regular file.</summary>
    public static Mounts BindFile(string source, string path)
    {
        Run("mount", "--bind", source, path);
        return new Mounts(path);
    }

    /// <inheritdoc/>
    public void Dispose() => Run("umount", _path);

    private static string? Probe()
    {
        string path = Path.Combine(Path.GetTempPath(), "vismooc-mount-probe-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (Tmpfs(path, 64 * 1024))
            {
            }

            return null;
        }
        catch (InvalidOperationException e)
        {
            return "cannot mount a tmpfs here (these tests need root or CAP_SYS_ADMIN): " + e.Message;
        }
        finally
        {
            Directory.Delete(path);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start)!;
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Trim()}");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{file} could not be started: {e.Message}");
        }
    }
}
