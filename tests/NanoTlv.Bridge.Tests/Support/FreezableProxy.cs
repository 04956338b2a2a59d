using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Bridge.Tests.Support
{
    /// <summary>
    /// A loopback TCP relay to a board that can go silent without closing anything, as a board does when it
    /// hangs or its Wi-Fi drops: while frozen, bytes in both directions are swallowed and the sockets stay open.
    /// </summary>
    public sealed class FreezableProxy : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly int _targetPort;
        private readonly CancellationTokenSource _stopping = new();
        private volatile bool _frozen;

        public FreezableProxy(int targetPort)
        {
            _targetPort = targetPort;
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Freeze() => _frozen = true;

        public void Thaw() => _frozen = false;

        public void Dispose()
        {
            _stopping.Cancel();
            _listener.Stop();
        }

        private async Task AcceptAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                TcpClient inbound;
                try
                {
                    inbound = await _listener.AcceptTcpClientAsync(_stopping.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                var outbound = new TcpClient();
                try
                {
                    await outbound.ConnectAsync(IPAddress.Loopback, _targetPort);
                }
                catch (SocketException)
                {
                    inbound.Dispose();
                    outbound.Dispose();
                    continue;
                }

                _ = RelayAsync(inbound, outbound);
            }
        }

        private async Task RelayAsync(TcpClient inbound, TcpClient outbound)
        {
            using (inbound)
            using (outbound)
            using (var connection = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                Task up = PumpAsync(inbound.GetStream(), outbound.GetStream(), connection.Token);
                Task down = PumpAsync(outbound.GetStream(), inbound.GetStream(), connection.Token);
                await Task.WhenAny(up, down);
                await connection.CancelAsync();
            }
        }

        private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
        {
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    int read = await from.ReadAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        return;
                    }

                    if (!_frozen)
                    {
                        await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.IO.IOException or ObjectDisposedException)
            {
                // The other side went, or the proxy stops.
            }
        }
    }
}
