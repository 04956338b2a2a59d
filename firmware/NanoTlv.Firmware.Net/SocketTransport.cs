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
    /// <para>
    /// A peer that vanishes without FIN or RST (Wi-Fi gone, cable pulled) frees its slot even with no idle timeout:
    /// TCP keepalive is on with this adapter's timing (<see cref="KeepAliveIdleSeconds"/>,
    /// <see cref="KeepAliveIntervalSeconds"/>, <see cref="KeepAliveProbes"/>: the stack ends a connection whose
    /// peer answered nothing for 60 s, and the session's receive then fails), and a connection the device has
    /// something to send to that takes nothing more is dropped by the send timeout. The timing options have
    /// different numbers on the two platforms (see <see cref="KeepAliveTuned"/>); where the stack refuses them, the
    /// connection keeps keepalive at the stack's default timing (first probe after 2 h).
    /// </para>
    /// <para>
    /// Every close is an orderly one, whoever closes (a rejected connection, too many wrong tokens, a timeout,
    /// the server stopping): closing a TCP socket whose receive queue still holds bytes makes the stack send a
    /// reset instead of a FIN, and a reset can destroy the last reply or event on its way to the client.
    /// nanoFramework's Socket has no Shutdown, so <see cref="Close"/> first reads and discards what has already
    /// arrived (<c>Available</c>, then a short <c>Poll</c> for bytes still in flight, a bounded number of times),
    /// then closes: the stack sends what is queued, then a FIN.
    /// </para>
    /// </remarks>
    public sealed class SocketTransport : ITransport
    {
        /// <summary>Longest a send may block before the connection is given up.</summary>
        public const int SendTimeoutMs = 10000;

        /// <summary>Most reads <see cref="Close"/> makes to discard what has arrived (a client still streaming is
        /// then closed with a reset: it is not reading replies anyway).</summary>
        public const int MaxDrainReads = 16;

        /// <summary>How long <see cref="Close"/> waits for bytes still in flight once the queue is empty: bytes a
        /// client sent just before the close, delayed by a busy machine.</summary>
        public const int DrainWaitMs = 10;

        /// <summary>Seconds without any segment from the peer before the stack sends the first keepalive probe.</summary>
        public const int KeepAliveIdleSeconds = 30;

        /// <summary>Seconds between unanswered keepalive probes.</summary>
        public const int KeepAliveIntervalSeconds = 10;

        /// <summary>Unanswered probes after which the stack ends the connection: a vanished peer is dropped
        /// <see cref="KeepAliveIdleSeconds"/> + <see cref="KeepAliveProbes"/> x <see cref="KeepAliveIntervalSeconds"/>
        /// = 60 s after it last sent anything.</summary>
        public const int KeepAliveProbes = 3;

        private const int DrainBufferBytes = 256;

#if NANOFRAMEWORK
        // nanoFramework's lwIP socket driver (LWIP_SOCKETS_Driver::GetNativeTcpOption) maps only NoDelay and KeepAlive at
        // the TCP level and passes any other option number to lwIP unchanged: lwIP's TCP_KEEPIDLE, TCP_KEEPINTVL and
        // TCP_KEEPCNT (seconds, seconds, count), which ESP-IDF's lwIP handles (its lwipopts.h sets LWIP_TCP_KEEPALIVE 1).
        private const SocketOptionName KeepAliveIdleOption = (SocketOptionName)3;
        private const SocketOptionName KeepAliveIntervalOption = (SocketOptionName)4;
        private const SocketOptionName KeepAliveProbesOption = (SocketOptionName)5;
#else
        private const SocketOptionName KeepAliveIdleOption = SocketOptionName.TcpKeepAliveTime;
        private const SocketOptionName KeepAliveIntervalOption = SocketOptionName.TcpKeepAliveInterval;
        private const SocketOptionName KeepAliveProbesOption = SocketOptionName.TcpKeepAliveRetryCount;
#endif

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
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            KeepAliveTuned = TryTuneKeepAlive(_socket);
            _socket.SendTimeout = SendTimeoutMs;
        }

        /// <summary>True when the stack took the keepalive timing (<see cref="KeepAliveIdleSeconds"/> and the rest);
        /// false when it refused it (an lwIP built without LWIP_TCP_KEEPALIVE): keepalive is then on at the stack's
        /// default timing. The option numbers differ: lwIP's TCP_KEEPIDLE 3, TCP_KEEPINTVL 4, TCP_KEEPCNT 5 on the
        /// device, .NET's TcpKeepAliveTime 3, TcpKeepAliveInterval 17, TcpKeepAliveRetryCount 16 on hosts.</summary>
        public bool KeepAliveTuned { get; }

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

        /// <summary>Discards what has arrived, then closes the connection (see the remarks); safe to call more than
        /// once and from another thread than the session's.</summary>
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

            try
            {
                DiscardArrivedBytes();
            }
            catch (Exception)
            {
                // The connection failed already: there is nothing to protect, it is closed below.
            }

            _socket.Close();
        }

        private static bool TryTuneKeepAlive(Socket socket)
        {
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Tcp, KeepAliveIdleOption, KeepAliveIdleSeconds);
                socket.SetSocketOption(SocketOptionLevel.Tcp, KeepAliveIntervalOption, KeepAliveIntervalSeconds);
                socket.SetSocketOption(SocketOptionLevel.Tcp, KeepAliveProbesOption, KeepAliveProbes);
                return true;
            }
            catch (Exception)
            {
                // A stack without these options: a connection with the default timing beats no connection.
                return false;
            }
        }

        private void DiscardArrivedBytes()
        {
            // Allocated here, once per connection and only when it closes: never per chunk.
            byte[] discard = new byte[DrainBufferBytes];
            for (int read = 0; read < MaxDrainReads; read++)
            {
                if (_socket.Available <= 0 && !SocketWait.UntilReadable(_socket, DrainWaitMs))
                {
                    return;
                }

                if (_socket.Receive(discard, 0, discard.Length, SocketFlags.None) <= 0)
                {
                    return;
                }
            }
        }
    }
}
