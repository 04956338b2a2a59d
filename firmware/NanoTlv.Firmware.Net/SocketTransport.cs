using System;
using System.Net.Sockets;
using NanoTlv.Firmware.Transport;

namespace NanoTlv.Firmware.Net
{
    /// <summary>
    /// One TCP connection as an <see cref="ITransport"/>. Written in the socket API nanoFramework's System.Net
    /// shares with desktop .NET (Poll, Receive/Send with offsets, Close), so the same file runs on the device
    /// and in the host's virtual device.
    /// </summary>
    /// <remarks>
    /// A receive waits with <c>Poll(SelectRead)</c> and then reads what has arrived; Poll also reports a closed
    /// connection as readable, and the following Receive returns 0. Sends block until the stack took every byte,
    /// at most <see cref="SendTimeoutMs"/> per call (a client that stops reading is then dropped). Nagle is off:
    /// replies are batched by the session already.
    /// </remarks>
    public sealed class SocketTransport : ITransport
    {
        /// <summary>Longest a send may block before the connection is given up.</summary>
        public const int SendTimeoutMs = 10000;

        private readonly Socket _socket;
        private readonly object _closeSync = new object();
        private bool _closed;

        /// <summary>Wraps an accepted (connected) socket.</summary>
        /// <param name="socket">The connection.</param>
        /// <exception cref="ArgumentNullException"><paramref name="socket"/> is null.</exception>
        public SocketTransport(Socket socket)
        {
            if (socket == null)
            {
                throw new ArgumentNullException(nameof(socket));
            }

            _socket = socket;
            _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);
            _socket.SendTimeout = SendTimeoutMs;
        }

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (!SocketWait.UntilReadable(_socket, timeoutMs))
            {
                return TransportResult.TimedOut;
            }

            return _socket.Receive(buffer, offset, count, SocketFlags.None);
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int sent = _socket.Send(buffer, offset, count, SocketFlags.None);
                if (sent <= 0)
                {
                    // SocketException's constructors differ between nanoFramework and .NET.
                    throw new InvalidOperationException("The connection stopped accepting bytes (" + count + " unsent).");
                }

                offset += sent;
                count -= sent;
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
