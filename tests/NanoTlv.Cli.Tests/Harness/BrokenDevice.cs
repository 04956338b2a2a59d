using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Cli.Tests.Harness
{
    /// <summary>
    /// A minimal device on a free loopback port that answers HELLO and echoes PING, but reassembles frames
    /// with <see cref="PythonBugExtractor"/> (or never answers, when <c>silent</c>). Stops on dispose.
    /// </summary>
    public sealed class BrokenDevice : IDisposable
    {
        private static readonly byte[] HelloData = Convert.FromHexString("01" + "0400" + "00000001" + "000100" + "01" + "06" + "62726F6B656E");

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly bool _silent;
        private readonly List<TcpClient> _clients = new();

        public BrokenDevice(bool silent = false)
        {
            _silent = silent;
            _listener.Start();
            _ = Task.Run(AcceptLoopAsync);
        }

        public string Address => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_clients)
            {
                _clients.ForEach(c => c.Dispose());
            }

            _stop.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            try
            {
                while (true)
                {
                    TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    client.NoDelay = true;
                    lock (_clients)
                    {
                        _clients.Add(client);
                    }

                    _ = Task.Run(() => ServeAsync(client));
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            var extractor = new PythonBugExtractor();
            var buffer = new byte[4096];
            NetworkStream stream = client.GetStream();
            try
            {
                while (true)
                {
                    int received = await stream.ReadAsync(buffer, _stop.Token);
                    if (received == 0)
                    {
                        return;
                    }

                    foreach (byte[] payload in extractor.Feed(buffer, received))
                    {
                        if (!_silent && payload.Length >= 3)
                        {
                            await stream.WriteAsync(Reply(payload), _stop.Token);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.IO.IOException or ObjectDisposedException)
            {
                // The client or the test ended the connection.
            }
        }

        private static byte[] Reply(byte[] request)
        {
            byte opcode = request[0];
            byte[] data = opcode switch
            {
                0x01 => HelloData,
                0x02 => request[3..],
                _ => Array.Empty<byte>(),
            };
            byte status = opcode is 0x01 or 0x02 ? (byte)0x00 : (byte)0x01;
            int length = 4 + data.Length;
            var frame = new byte[3 + length];
            frame[0] = 0x72;
            frame[1] = (byte)(length >> 8);
            frame[2] = (byte)length;
            frame[3] = (byte)(opcode | 0x80);
            frame[4] = request[1];
            frame[5] = request[2];
            frame[6] = status;
            data.CopyTo(frame, 7);
            return frame;
        }
    }
}
