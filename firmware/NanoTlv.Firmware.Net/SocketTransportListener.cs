using System;
using System.Net;
using System.Net.Sockets;
using NanoTlv.Firmware.Transport;

namespace NanoTlv.Firmware.Net
{
    /// <summary>
    /// A listening TCP socket as an <see cref="ITransportListener"/>, in the socket API nanoFramework's
    /// System.Net shares with desktop .NET. <see cref="Accept"/> polls in short steps so that
    /// <see cref="Close"/> from another thread ends it promptly on every platform.
    /// </summary>
    public sealed class SocketTransportListener : ITransportListener
    {
        /// <summary>Pending connections the stack queues before Accept takes them.</summary>
        public const int Backlog = 4;

        /// <summary>Longest wait inside one Accept poll step.</summary>
        public const int AcceptPollMs = 200;

        private readonly Socket _socket;
        private readonly object _closeSync = new object();
        private bool _closed;

        /// <summary>Listens on every interface (the device's Wi-Fi address) at <paramref name="port"/>.</summary>
        /// <param name="port">TCP port, or 0 for one the system picks (see <see cref="Port"/>).</param>
        public SocketTransportListener(int port)
            : this(IPAddress.Any, port)
        {
        }

        /// <summary>Listens on <paramref name="address"/> (the host uses 127.0.0.1) at <paramref name="port"/>.</summary>
        /// <param name="address">Local address to bind.</param>
        /// <param name="port">TCP port, or 0 for one the system picks (see <see cref="Port"/>).</param>
        /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
        /// <exception cref="SocketException">The port cannot be bound.</exception>
        public SocketTransportListener(IPAddress address, int port)
        {
            if (address == null)
            {
                throw new ArgumentNullException(nameof(address));
            }

            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _socket.Bind(new IPEndPoint(address, port));
                _socket.Listen(Backlog);
                Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
            }
            catch (Exception)
            {
                _socket.Close();
                throw;
            }
        }

        /// <summary>The port actually bound (the system's pick when 0 was asked for).</summary>
        public int Port { get; }

        /// <inheritdoc/>
        /// <exception cref="InvalidOperationException">The listener is closed.</exception>
        /// <exception cref="SocketException">Accepting or configuring the connection failed (the accepted
        /// socket, if any, is closed).</exception>
        public ITransport Accept()
        {
            while (true)
            {
                if (_closed)
                {
                    throw new InvalidOperationException("The listener is closed.");
                }

                if (SocketWait.UntilReadable(_socket, AcceptPollMs))
                {
                    return Wrap(_socket.Accept());
                }
            }
        }

        private static ITransport Wrap(Socket accepted)
        {
            try
            {
                return new SocketTransport(accepted);
            }
            catch (Exception)
            {
                // Configuring the connection failed (it may already be reset): it is nobody's to close but ours.
                accepted.Close();
                throw;
            }
        }

        /// <inheritdoc/>
        public void Close()
        {
            lock (_closeSync)
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
            }

            _socket.Close();
        }
    }
}
