using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NanoTlv.Framing;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>
/// A bare loopback TCP client that can send anything (garbage, partial frames) and reads the device's frames
/// with bounded waits through a strict <see cref="FrameExtractor"/>: the device must only ever send whole,
/// well-formed frames. Not thread-safe for concurrent reads; one thread may send while another reads.
/// </summary>
public sealed class RawClient : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    private readonly Socket _socket;
    private readonly FrameExtractor _extractor = new(FrameFormat.MaxEncodablePayloadBytes, strict: true);
    private readonly Queue<byte[]> _frames = new();
    private readonly byte[] _receiveBuffer = new byte[64 * 1024];
    private bool _peerClosed;

    private RawClient(Socket socket)
    {
        _socket = socket;
    }

    public long BytesSent { get; private set; }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
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

    public void Send(byte[] bytes) => Send(bytes, 0, bytes.Length);

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

    public void SendFrame(byte[] payload) => Send(Hex.Frame(payload));

    /// <summary>Reads the next frame payload, waiting at most <paramref name="timeout"/>.</summary>
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

    public byte[] ReadFrame() => ReadFrame(DefaultWait);

    /// <summary>Reads the next frame that is not a PinChanged event (events are counted into <paramref name="events"/>).</summary>
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

    public byte[] ReadReply() => ReadReply(DefaultWait);

    /// <summary>Sends one request and reads its reply (skipping events).</summary>
    public byte[] Call(byte[] requestPayload, TimeSpan? timeout = null)
    {
        SendFrame(requestPayload);
        return ReadReply(timeout ?? DefaultWait);
    }

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

    /// <summary>True when the device closes the connection (FIN or RST) within <paramref name="timeout"/>;
    /// frames arriving meanwhile are kept and can still be read.</summary>
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

    /// <summary>Bytes the kernel holds for this client that it has not read yet.</summary>
    public int UnreadBytes => _socket.Available;

    /// <summary>Frames received but not read yet.</summary>
    public int PendingFrames => _frames.Count;

    public bool PeerClosed => _peerClosed;

    /// <summary>Stops sending (FIN); the device sees the end of the stream while this side can still read.</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Closes with a reset (RST): linger on with a zero timeout.</summary>
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
