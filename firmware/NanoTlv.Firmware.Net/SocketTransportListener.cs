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
    public class SocketTransportListener : ITransportListener
    {
        /// <summary>
        /// Backlog for the device: lwIP keeps a protocol control block per queued connection and the ESP32 has
        /// only a few sockets (about 8-16 in all), so a handful of pending connections is what it can afford.
        /// </summary>
        public const int DeviceBacklog = 4;

        /// <summary>
        /// Backlog meaning "the platform's maximum": the stack clamps it to its own limit (somaxconn on Linux,
        /// 4,096 on current kernels; 255 in lwIP). The same value as .NET's <c>SocketOptionName.MaxConnections</c>
        /// and what its parameterless <c>Listen()</c> uses; for hosts, where a burst of connects must never
        /// overflow the accept queue (the kernel then drops SYNs and the client waits ~1 s to retransmit).
        /// </summary>
        public const int PlatformMaximumBacklog = int.MaxValue;

        /// <summary>Longest wait inside one Accept poll step.</summary>
        public const int AcceptPollMs = 200;

        private readonly Socket _socket;
        private readonly object _closeSync = new object();
        private bool _closed;

        /// <summary>Listens on every interface (the device's Wi-Fi address) at <paramref name="port"/>, with
        /// <see cref="DeviceBacklog"/>.</summary>
        /// <param name="port">TCP port, or 0 for one the system picks (see <see cref="Port"/>).</param>
        public SocketTransportListener(int port)
            : this(IPAddress.Any, port, DeviceBacklog)
        {
        }

        /// <summary>Listens on <paramref name="address"/> (the host uses 127.0.0.1) at <paramref name="port"/>.</summary>
        /// <param name="address">Local address to bind.</param>
        /// <param name="port">TCP port, or 0 for one the system picks (see <see cref="Port"/>).</param>
        /// <param name="backlog">Connections the stack may queue before Accept takes them: <see cref="DeviceBacklog"/>
        /// on the ESP32, <see cref="PlatformMaximumBacklog"/> on hosts.</param>
        /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="backlog"/> is below 1.</exception>
        /// <exception cref="SocketException">The port cannot be bound.</exception>
        public SocketTransportListener(IPAddress address, int port, int backlog)
        {
            if (address == null)
            {
                throw new ArgumentNullException(nameof(address));
            }

            if (backlog < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(backlog), "The backlog must be at least 1.");
            }

            Backlog = backlog;
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _socket.Bind(new IPEndPoint(address, port));
                _socket.Listen(backlog);
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

        /// <summary>The backlog asked of the stack (which may clamp it).</summary>
        public int Backlog { get; }

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

        /// <summary>Turns a socket the stack accepted into the connection's transport (sets its options).</summary>
        /// <param name="accepted">The accepted socket.</param>
        /// <returns>The transport.</returns>
        /// <exception cref="SocketException">Configuring the socket failed, e.g. because the peer already reset
        /// the connection; <see cref="Accept"/> then closes the socket.</exception>
        protected virtual ITransport CreateTransport(Socket accepted) => new SocketTransport(accepted);

        private ITransport Wrap(Socket accepted)
        {
            try
            {
                return CreateTransport(accepted);
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
