using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Client.Tests.Fakes
{
    /// <summary>
    /// A scripted device: a loopback listener on a free port; each test accepts and drives connections itself.
    /// The device owns the connections it accepted and closes them when disposed: a test that stops referencing a
    /// connection (its last use was reading a request) must not have it closed under the client by the garbage
    /// collector finalizing the socket, which made the client see "connection reset" at random.
    /// </summary>
    public sealed class FakeDevice : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<FakeConnection> _connections = new();

        public FakeDevice()
        {
            _listener.Start();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<FakeConnection> AcceptAsync(TimeSpan? timeout = null)
        {
            using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
            TcpClient tcp = await _listener.AcceptTcpClientAsync(limit.Token);
            var connection = new FakeConnection(tcp);
            lock (_connections)
            {
                _connections.Add(connection);
            }

            return connection;
        }

        /// <summary>Connects a client and accepts its connection.</summary>
        public async Task<(TlvClient Client, FakeConnection Connection)> ConnectAsync(TlvClientOptions? options = null)
        {
            Task<FakeConnection> accept = AcceptAsync();
            TlvClient client = await TlvClient.ConnectAsync("127.0.0.1", Port, options);
            return (client, await accept);
        }

        public void Stop() => _listener.Stop();

        /// <summary>Stops listening and closes every connection accepted.</summary>
        public void Dispose()
        {
            _listener.Dispose();
            lock (_connections)
            {
                foreach (FakeConnection connection in _connections)
                {
                    connection.Close();
                }

                _connections.Clear();
            }
        }
    }
}
