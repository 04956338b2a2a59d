using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Client.Tests.Fakes
{
    /// <summary>A scripted device: a loopback listener on a free port; each test accepts and drives connections itself.</summary>
    public sealed class FakeDevice : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public FakeDevice()
        {
            _listener.Start();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<FakeConnection> AcceptAsync(TimeSpan? timeout = null)
        {
            using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
            TcpClient tcp = await _listener.AcceptTcpClientAsync(limit.Token);
            return new FakeConnection(tcp);
        }

        /// <summary>Connects a client and accepts its connection.</summary>
        public async Task<(TlvClient Client, FakeConnection Connection)> ConnectAsync(TlvClientOptions? options = null)
        {
            Task<FakeConnection> accept = AcceptAsync();
            TlvClient client = await TlvClient.ConnectAsync("127.0.0.1", Port, options);
            return (client, await accept);
        }

        public void Stop() => _listener.Stop();

        public void Dispose() => _listener.Dispose();
    }
}
