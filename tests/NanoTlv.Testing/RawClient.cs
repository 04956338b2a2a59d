using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using NanoTlv.Framing;

namespace NanoTlv.Testing
{
    /// <summary>
    /// The raw wire client: a bare loopback TCP client that can send anything (garbage, partial frames) and reads
    /// the device's frames with bounded waits through a strict <see cref="FrameExtractor"/>: the device must only
    /// ever send whole, well-formed frames. Not thread-safe for concurrent reads; one thread may send while
    /// another reads.
    /// </summary>
    public sealed class RawClient : IDisposable
    {
        /// <summary>How long reads wait when the caller gives no bound.</summary>
        public static readonly TimeSpan DefaultWait = Wait.Long;

        private readonly Socket _socket;
        private readonly FrameExtractor _extractor = new(FrameFormat.MaxEncodablePayloadBytes, strict: true);
        private readonly Queue<byte[]> _frames = new();
        private readonly byte[] _receiveBuffer = new byte[64 * 1024];
        private bool _peerClosed;

        private RawClient(Socket socket)
        {
            _socket = socket;
        }

        /// <summary>Bytes sent so far.</summary>
        public long BytesSent { get; private set; }

        /// <summary>Bytes the kernel holds for this client that it has not read yet.</summary>
        public int UnreadBytes => _socket.Available;

        /// <summary>Frames received but not read yet.</summary>
        public int PendingFrames => _frames.Count;

        /// <summary>True once the device closed the connection (FIN or RST).</summary>
        public bool PeerClosed => _peerClosed;

        /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
        /// <param name="port">The device's port.</param>
        /// <param name="receiveBufferBytes">The socket's receive buffer (small ones make a slow reader); null keeps the system's.</param>
        /// <returns>The connected client.</returns>
        public static RawClient Connect(int port, int? receiveBufferBytes = null)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (receiveBufferBytes is int bytes)
                {
                    socket.ReceiveBufferSize = bytes;
                }

                socket.SendTimeout = (int)DefaultWait.TotalMilliseconds;
                socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
                return new RawClient(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Sends bytes as they are (no framing).</summary>
        /// <param name="bytes">The bytes.</param>
        public void Send(byte[] bytes) => Send(bytes, 0, bytes.Length);

        /// <summary>Sends part of an array as it is (no framing).</summary>
        /// <param name="bytes">The array.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to send.</param>
        public void Send(byte[] bytes, int offset, int count)
        {
            while (count > 0)
            {
                int sent = _socket.Send(bytes, offset, count, SocketFlags.None);
                offset += sent;
                count -= sent;
                BytesSent += sent;
            }
        }

        /// <summary>Sends a payload in a frame.</summary>
        /// <param name="payload">The payload.</param>
        public void SendFrame(byte[] payload) => Send(Hex.Frame(payload));

        /// <summary>Sends a payload given as hex in a frame.</summary>
        /// <param name="payloadHex">The payload, e.g. "02 00 01".</param>
        public void SendFrame(string payloadHex) => Send(Hex.FrameOf(payloadHex));

        /// <summary>Sends a request given as hex and returns the next frame (reply or event) as hex.</summary>
        /// <param name="payloadHex">The request payload, e.g. "02 00 01".</param>
        /// <returns>The next frame's payload, e.g. "82 00 01 00".</returns>
        public string Request(string payloadHex)
        {
            SendFrame(payloadHex);
            return Hex.Format(ReadFrame());
        }

        /// <summary>Sends one request and reads its reply (skipping events).</summary>
        /// <param name="requestPayload">The request payload.</param>
        /// <param name="timeout">The bound; <see cref="DefaultWait"/> when null.</param>
        /// <returns>The reply payload.</returns>
        public byte[] Call(byte[] requestPayload, TimeSpan? timeout = null)
        {
            SendFrame(requestPayload);
            return ReadReply(timeout ?? DefaultWait);
        }

        /// <summary>Reads the next frame payload, waiting at most <see cref="DefaultWait"/>.</summary>
        /// <returns>The payload.</returns>
        public byte[] ReadFrame() => ReadFrame(DefaultWait);

        /// <summary>Reads the next frame payload, waiting at most <paramref name="timeout"/>.</summary>
        /// <param name="timeout">The bound.</param>
        /// <returns>The payload.</returns>
        /// <exception cref="TimeoutException">None came in time.</exception>
        /// <exception cref="IOException">The device closed the connection first.</exception>
        public byte[] ReadFrame(TimeSpan timeout)
        {
            if (TryReadFrame(timeout, out byte[]? payload))
            {
                return payload!;
            }

            if (_peerClosed)
            {
                throw new IOException("The device closed the connection before sending the expected frame.");
            }

            throw new TimeoutException("No frame from the device within " + timeout.TotalSeconds + " s.");
        }

        /// <summary>Reads the next frame that is not a PinChanged event, waiting at most <see cref="DefaultWait"/>.</summary>
        /// <returns>The payload.</returns>
        public byte[] ReadReply() => ReadReply(DefaultWait);

        /// <summary>Reads the next frame that is not a PinChanged event.</summary>
        /// <param name="timeout">The bound for each frame.</param>
        /// <param name="events">Collects the skipped events, when given.</param>
        /// <returns>The payload.</returns>
        public byte[] ReadReply(TimeSpan timeout, List<byte[]>? events = null)
        {
            while (true)
            {
                byte[] payload = ReadFrame(timeout);
                if (!Wire.IsPinChanged(payload))
                {
                    return payload;
                }

                events?.Add(payload);
            }
        }

        /// <summary>Reads the next frame if one arrives within <paramref name="timeout"/>.</summary>
        /// <param name="timeout">The bound.</param>
        /// <param name="payload">The payload, or null.</param>
        /// <returns>False when none came in time or the device closed the connection.</returns>
        public bool TryReadFrame(TimeSpan timeout, out byte[]? payload)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (_frames.Count > 0)
                {
                    payload = _frames.Dequeue();
                    return true;
                }

                TimeSpan left = timeout - clock.Elapsed;
                if (_peerClosed || left <= TimeSpan.Zero || !Fill(left))
                {
                    payload = null;
                    return false;
                }
            }
        }

        /// <summary>True when no frame arrives within <paramref name="wait"/> (a frame that does is consumed).</summary>
        /// <param name="wait">How long to listen.</param>
        /// <returns>Whether the device stayed quiet.</returns>
        /// <exception cref="IOException">The device closed the connection meanwhile.</exception>
        public bool NothingWithin(TimeSpan wait)
        {
            if (TryReadFrame(wait, out _))
            {
                return false;
            }

            if (_peerClosed)
            {
                throw new IOException("The device closed the connection while it was expected to stay quiet.");
            }

            return true;
        }

        /// <summary>True when the device closes the connection (FIN or RST) within <paramref name="timeout"/>;
        /// frames arriving meanwhile are kept and can still be read.</summary>
        /// <param name="timeout">The bound.</param>
        /// <returns>Whether it closed in time.</returns>
        public bool WaitClosedByDevice(TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!_peerClosed)
            {
                TimeSpan left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Fill(left);
            }

            return true;
        }

        /// <summary>Stops sending (FIN); the device sees the end of the stream while this side can still read.</summary>
        public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

        /// <summary>Closes with a reset (RST), like a client that crashed: linger on with a zero timeout.</summary>
        public void Abort()
        {
            try
            {
                _socket.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
                // Already reset by the peer: a plain close is all that is left.
            }

            _socket.Close();
        }

        /// <summary>Closes the connection.</summary>
        public void Dispose() => _socket.Dispose();

        private bool Fill(TimeSpan timeout)
        {
            int micros = (int)Math.Min(timeout.TotalMicroseconds, int.MaxValue);
            if (!_socket.Poll(Math.Max(micros, 1), SelectMode.SelectRead))
            {
                return false;
            }

            int received;
            try
            {
                received = _socket.Receive(_receiveBuffer, 0, _receiveBuffer.Length, SocketFlags.None);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                _peerClosed = true;
                return false;
            }

            if (received == 0)
            {
                _peerClosed = true;
                return false;
            }

            _extractor.Feed(_receiveBuffer, 0, received);
            FrameReadResult result;
            while ((result = _extractor.Next()) != FrameReadResult.NeedMoreData)
            {
                if (result != FrameReadResult.Frame)
                {
                    throw new InvalidDataException("The device sent bytes that are not a well-formed frame (" + result + ", fault " + _extractor.Fault + ").");
                }

                _frames.Enqueue(_extractor.FrameBuffer.AsSpan(_extractor.FrameOffset, _extractor.FrameLength).ToArray());
            }

            return true;
        }
    }
}
