using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Client
{
    /// <summary>One TCP connection of a <see cref="TlvClient"/>: the socket, its stream and its reader task.</summary>
    internal sealed class DeviceConnection
    {
        private int _lost;

        public DeviceConnection(TcpClient tcp, string endpoint)
        {
            Tcp = tcp;
            Stream = tcp.GetStream();
            Endpoint = endpoint;
        }

        public TcpClient Tcp { get; }

        public NetworkStream Stream { get; }

        /// <summary>"host:port", for messages.</summary>
        public string Endpoint { get; }

        /// <summary>Cancelled when the connection ends; the reader and writes watch it.</summary>
        public CancellationTokenSource Stopping { get; } = new();

        public Task ReadLoop { get; set; } = Task.CompletedTask;

        public bool IsOpen => Volatile.Read(ref _lost) == 0;

        /// <summary>Why the connection ended, once it has.</summary>
        public string? LostReason { get; private set; }

        /// <summary>The device's max_clients when it sent CONNECTION_REJECTED on this connection.</summary>
        public int? RejectedMaxClients { get; set; }

        /// <summary>Marks the connection lost and closes the socket; true only for the first caller.</summary>
        /// <param name="reason">Why.</param>
        /// <returns>Whether this call ended the connection.</returns>
        public bool TryEnd(string reason)
        {
            if (Interlocked.Exchange(ref _lost, 1) != 0)
            {
                return false;
            }

            LostReason = reason;
            Stopping.Cancel();
            Tcp.Dispose();
            return true;
        }
    }
}
