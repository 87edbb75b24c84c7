using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace VisMooc.Modules.Load;

/// <summary>
/// Says why a MySQL/MariaDB server could not be reached: the host name is unknown, the connection
/// was refused, or it timed out. MySqlConnector reports all three as "unable to connect to any of
/// the specified MySQL hosts", so the steps it took are retried one by one to find the failing one.
/// </summary>
internal static class ConnectionFailure
{
    /// <summary>The one-line reason, naming <c>HOST:PORT</c>; null when <paramref name="error"/> is not a failure to connect.</summary>
    public static string? Describe(MySqlException error, LoadTarget target, TimeSpan timeout)
    {
        if (error.ErrorCode != MySqlErrorCode.UnableToConnectToHost)
        {
            return null;
        }

        string where = "cannot connect to " + target.Endpoint;
        string timedOut = $"{where}: timed out after {LoadWaits.Describe(timeout)} without an answer (a wrong host or port, a firewall that drops the connection, or a server too busy to answer)";
        if (error.Message.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            return timedOut;
        }

        using var deadline = new CancellationTokenSource(timeout);
        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddressesAsync(target.Host, deadline.Token).GetAwaiter().GetResult();
        }
        catch (SocketException)
        {
            addresses = [];
        }
        catch (OperationCanceledException)
        {
            return $"{where}: timed out after {LoadWaits.Describe(timeout)} looking up the host name";
        }

        if (addresses.Length == 0)
        {
            return $"{where}: unknown host '{target.Host}' (the name does not resolve: check its spelling, or give an IP address)";
        }

        SocketError? first = null;
        foreach (var address in addresses)
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.ConnectAsync(new IPEndPoint(address, target.Port), deadline.Token).AsTask().GetAwaiter().GetResult();
                // It answers now: the failure was something else (or the server just came up).
                return null;
            }
            catch (SocketException e)
            {
                first ??= e.SocketErrorCode;
            }
            catch (OperationCanceledException)
            {
                return timedOut;
            }
        }

        return first switch
        {
            SocketError.ConnectionRefused => $"{where}: connection refused (nothing listens on that port: is the server running, and is the port right?)",
            SocketError.TimedOut => timedOut,
            SocketError.HostUnreachable or SocketError.NetworkUnreachable => $"{where}: host unreachable (no network route to it)",
            _ => null,
        };
    }
}
