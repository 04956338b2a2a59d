using System;
using System.Diagnostics;
using System.Net.Sockets;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// One closed-loop pipelined load connection on its own thread: it keeps <c>depth</c> requests in flight,
/// and whenever replies arrive it checks each (byte for byte, ids in order), records its round trip and sends as
/// many new requests, in one send. Nothing is allocated while it runs.
/// </summary>
public sealed class PipelinedConnection : IDisposable
{
    private const int ReceiveBufferBytes = 64 * 1024;

    private readonly Socket _socket;
    private readonly ConnectionScript _script;
    private readonly int _depth;
    private readonly byte[] _sendBuffer;
    private readonly byte[] _receiveBuffer = new byte[ReceiveBufferBytes];
    private readonly long[] _sentAt;
    private readonly LatencyRecorder _latencies;
    private long _sent;
    private long _received;

    /// <summary>Connects and runs the setup; the load starts with <see cref="Run"/>.</summary>
    public PipelinedConnection(int port, ConnectionScript script, int depth, LatencyRecorder latencies)
    {
        _script = script;
        _depth = depth;
        _latencies = latencies;
        _sendBuffer = new byte[depth * script.Request.Length];
        for (int i = 0; i < depth; i++)
        {
            script.Request.CopyTo(_sendBuffer, i * script.Request.Length);
        }

        _sentAt = new long[depth];
        _socket = LoadConnection.Open(port, script);
    }

    /// <summary>Replies received inside the window.</summary>
    public long CompletedInWindow { get; private set; }

    /// <summary>What stopped this connection, if it failed.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Runs the load until the window closes, then drains the requests still in flight. Never throws:
    /// a failure is kept in <see cref="Failure"/>.</summary>
    public void Run(LoadWindow window)
    {
        try
        {
            RunLoad(window);
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException or ObjectDisposedException)
        {
            Failure = e;
        }
    }

    public void Dispose() => _socket.Dispose();

    private void RunLoad(LoadWindow window)
    {
        int replyBytes = _script.Reply.Length;
        int carried = 0;
        SendRequests(_depth);
        while (true)
        {
            int count = _socket.Receive(_receiveBuffer, carried, _receiveBuffer.Length - carried, SocketFlags.None);
            if (count == 0)
            {
                throw new InvalidOperationException($"The server closed the connection after {_received} replies.");
            }

            long now = Stopwatch.GetTimestamp();
            int available = carried + count;
            int replies = available / replyBytes;
            bool measuring = window.Contains(now);
            for (int i = 0; i < replies; i++)
            {
                _script.VerifyReply(_receiveBuffer, i * replyBytes, ConnectionScript.IdOf(_received));
                if (measuring)
                {
                    _latencies.Add(now - _sentAt[_received % _depth]);
                    CompletedInWindow++;
                }

                _received++;
            }

            carried = available - (replies * replyBytes);
            if (carried > 0)
            {
                Buffer.BlockCopy(_receiveBuffer, replies * replyBytes, _receiveBuffer, 0, carried);
            }

            if (now < window.Stop)
            {
                SendRequests(replies);
            }
            else if (_received == _sent)
            {
                return;
            }
        }
    }

    private void SendRequests(int count)
    {
        if (count == 0)
        {
            return;
        }

        int requestBytes = _script.Request.Length;
        for (int i = 0; i < count; i++)
        {
            ConnectionScript.WriteId(_sendBuffer, i * requestBytes, ConnectionScript.IdOf(_sent + i));
        }

        long now = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            _sentAt[(_sent + i) % _depth] = now;
        }

        _sent += count;
        LoadConnection.SendAll(_socket, _sendBuffer, count * requestBytes);
    }
}
