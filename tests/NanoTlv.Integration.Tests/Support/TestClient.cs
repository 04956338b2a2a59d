using System.Net;
using System.Net.Sockets;
using NanoTlv.Framing;

namespace NanoTlv.Integration.Tests.Support;

/// <summary>A minimal blocking TCP client for tests: sends frames, reads frames, every wait bounded.</summary>
public sealed class TestClient : IDisposable
{
    private readonly Socket _socket;
    private readonly FrameExtractor _extractor = new(FrameFormat.MaxEncodablePayloadBytes, strict: true);
    private readonly Queue<byte[]> _frames = new();
    private readonly byte[] _receiveBuffer = new byte[8192];

    public TestClient(int port)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        _socket.ReceiveTimeout = (int)Wait.Long.TotalMilliseconds;
        _socket.SendTimeout = (int)Wait.Long.TotalMilliseconds;
    }

    public void SendRaw(byte[] bytes) => _socket.Send(bytes);

    public void Send(string payloadHex) => SendRaw(Hex.FrameOf(payloadHex));

    /// <summary>Sends a request and returns the next frame, as hex.</summary>
    public string Request(string payloadHex)
    {
        Send(payloadHex);
        return Hex.Format(ReadFrame());
    }

    public byte[] ReadFrame() => ReadFrame(Wait.Long);

    public byte[] ReadFrame(TimeSpan wait)
    {
        DateTime deadline = DateTime.UtcNow + wait;
        while (_frames.Count == 0)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_socket.Poll(left, SelectMode.SelectRead))
            {
                throw new TimeoutException("No frame within " + wait.TotalMilliseconds + " ms.");
            }

            int received = _socket.Receive(_receiveBuffer);
            if (received == 0)
            {
                throw new InvalidOperationException("The device closed the connection.");
            }

            _extractor.Feed(_receiveBuffer, 0, received);
            FrameReadResult result;
            while ((result = _extractor.Next()) != FrameReadResult.NeedMoreData)
            {
                if (result != FrameReadResult.Frame)
                {
                    throw new InvalidOperationException("The device sent bytes that are not a frame.");
                }

                _frames.Enqueue(_extractor.FrameBuffer.AsSpan(_extractor.FrameOffset, _extractor.FrameLength).ToArray());
            }
        }

        return _frames.Dequeue();
    }

    /// <summary>True when nothing arrives within <paramref name="wait"/>.</summary>
    public bool NothingWithin(TimeSpan wait)
    {
        try
        {
            ReadFrame(wait);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    /// <summary>Waits until the device closes the connection (a read returns 0 or fails).</summary>
    public bool WaitClosedByDevice(TimeSpan wait)
    {
        DateTime deadline = DateTime.UtcNow + wait;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left > TimeSpan.Zero && _socket.Poll(left, SelectMode.SelectRead) && _socket.Receive(_receiveBuffer) == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true;
        }

        return false;
    }

    /// <summary>Drops the connection with a reset (no orderly close), like a client that crashed.</summary>
    public void Abort()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public void Dispose() => _socket.Dispose();
}
