using System;
using System.Net;
using System.Net.Sockets;
using NanoTlv.Firmware.Transport;

namespace NanoTlv.Firmware.Net
{
    /// <summary>
    /// A UDP socket as an <see cref="IDatagramTransport"/>, in the socket API nanoFramework's System.Net shares with
    /// desktop .NET (Bind, Poll, ReceiveFrom/SendTo with offsets and <c>ref EndPoint</c>, SocketOptionName.Broadcast),
    /// so the same file runs on the device and in the host's virtual device.
    /// </summary>
    /// <remarks>
    /// Both platforms hand back the sender of each datagram as a new EndPoint object from inside ReceiveFrom (the
    /// nanoFramework interpreter creates it natively); this class adds no allocation of its own per datagram.
    /// A datagram larger than the buffer arrives cut to the buffer on lwIP and Linux; where the stack reports it
    /// with WSAEMSGSIZE instead, the full buffer is reported, which the caller recognises as oversize.
    /// </remarks>
    public sealed class UdpDatagramTransport : IDatagramTransport
    {
        /// <summary>SocketException.ErrorCode of a datagram larger than the receive buffer (WSAEMSGSIZE).</summary>
        public const int MessageTooLongError = 10040;

        /// <summary>SocketException.ErrorCode some stacks raise on the next receive after an answer hit a closed port
        /// (WSAECONNRESET, from an ICMP port-unreachable); there is no datagram then.</summary>
        public const int ConnectionResetError = 10054;

        private readonly Socket _socket;
        private readonly IPEndPoint _broadcastTarget;
        private readonly object _closeSync = new object();
        private EndPoint _sender;
        private bool _received;
        private bool _closed;

        /// <summary>Binds a UDP socket at <paramref name="localAddress"/>:<paramref name="port"/> that may broadcast
        /// to <paramref name="broadcastTarget"/>.</summary>
        /// <param name="localAddress">Local address (<see cref="IPAddress.Any"/> on the device, 127.0.0.1 on the host).</param>
        /// <param name="port">UDP port, or 0 for one the system picks (see <see cref="Port"/>).</param>
        /// <param name="broadcastTarget">Where <see cref="Broadcast"/> sends: the subnet broadcast address and the
        /// discovery port on the device.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="SocketException">The port cannot be bound.</exception>
        public UdpDatagramTransport(IPAddress localAddress, int port, IPEndPoint broadcastTarget)
        {
            if (localAddress == null)
            {
                throw new ArgumentNullException(nameof(localAddress));
            }

            if (broadcastTarget == null)
            {
                throw new ArgumentNullException(nameof(broadcastTarget));
            }

            _broadcastTarget = broadcastTarget;
            _sender = new IPEndPoint(IPAddress.Any, 0);
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true);
                _socket.Bind(new IPEndPoint(localAddress, port));
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
        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (!SocketWait.UntilReadable(_socket, timeoutMs))
            {
                return TransportResult.TimedOut;
            }

            try
            {
                int received = _socket.ReceiveFrom(buffer, offset, count, SocketFlags.None, ref _sender);
                _received = true;
                return received;
            }
            catch (SocketException e)
            {
                if (e.ErrorCode == MessageTooLongError)
                {
                    _received = true;
                    return count;
                }

                if (e.ErrorCode == ConnectionResetError)
                {
                    return TransportResult.TimedOut;
                }

                throw;
            }
        }

        /// <inheritdoc/>
        public void ReplyToSender(byte[] buffer, int offset, int count)
        {
            if (!_received)
            {
                throw new InvalidOperationException("No datagram was received yet, so there is no sender to answer.");
            }

            _socket.SendTo(buffer, offset, count, SocketFlags.None, _sender);
        }

        /// <inheritdoc/>
        public void Broadcast(byte[] buffer, int offset, int count)
        {
            _socket.SendTo(buffer, offset, count, SocketFlags.None, _broadcastTarget);
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
