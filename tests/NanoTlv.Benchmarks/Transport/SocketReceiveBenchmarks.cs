using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using BenchmarkDotNet.Attributes;
using NanoTlv.Firmware.Net;

namespace NanoTlv.Benchmarks.Transport;

/// <summary>
/// How the device's socket adapter waits for and reads a chunk, with data always waiting (pipelined traffic, where
/// the cost per chunk matters): poll, then receive (two system calls per chunk) against one blocking receive bounded
/// by the socket's receive timeout, and <see cref="SocketTransport.Receive"/> as it is now. One operation reads one
/// chunk of up to <see cref="ChunkBytes"/> (the session's receive buffer) from a loopback connection that a
/// background thread keeps full.
/// </summary>
[MemoryDiagnoser]
public class SocketReceiveBenchmarks
{
    /// <summary>The device session's receive buffer.</summary>
    public const int ChunkBytes = 512;

    /// <summary>The longest wait the session asks for (<c>ConnectionDeadlines.MaxWaitMs</c>).</summary>
    public const int WaitMs = 1000;

    private const int SenderBlockBytes = 64 * 1024;
    private const int MicrosecondsPerMillisecond = 1000;

    private readonly byte[] _chunk = new byte[ChunkBytes];
    private Socket _listener = null!;
    private Socket _sender = null!;
    private Socket _receiver = null!;
    private SocketTransport _transport = null!;
    private Thread _feeder = null!;
    private volatile bool _stopping;
    private long _received;

    [GlobalSetup]
    public void Setup()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        _sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _sender.Connect(_listener.LocalEndPoint!);
        _receiver = _listener.Accept();
        _transport = new SocketTransport(_receiver);
        _receiver.ReceiveTimeout = WaitMs;
        _feeder = new Thread(Feed) { IsBackground = true, Name = "receive benchmark feeder" };
        _feeder.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _sender.Close();
        _transport.Close();
        _listener.Close();
        _feeder.Join(5000);
        if (Interlocked.Read(ref _received) == 0)
        {
            throw new InvalidOperationException("No byte was received.");
        }
    }

    /// <summary>What <see cref="SocketTransport.Receive"/> did up to round two: Poll(SelectRead) for at most the
    /// wait, then Receive.</summary>
    [Benchmark(Baseline = true)]
    public int PollThenReceive()
    {
        if (!_receiver.Poll(WaitMs * MicrosecondsPerMillisecond, SelectMode.SelectRead))
        {
            throw new InvalidOperationException("Nothing arrived within " + WaitMs + " ms.");
        }

        return Count(_receiver.Receive(_chunk, 0, _chunk.Length, SocketFlags.None));
    }

    /// <summary>One blocking Receive; the socket's ReceiveTimeout (set once) bounds the wait.</summary>
    [Benchmark]
    public int ReceiveWithTimeout() => Count(_receiver.Receive(_chunk, 0, _chunk.Length, SocketFlags.None));

    /// <summary>Receive at once when the stack reports bytes waiting (Available), else poll then receive: no
    /// timeout exception, still two calls per chunk.</summary>
    [Benchmark]
    public int AvailableThenReceive()
    {
        if (_receiver.Available <= 0 && !_receiver.Poll(WaitMs * MicrosecondsPerMillisecond, SelectMode.SelectRead))
        {
            throw new InvalidOperationException("Nothing arrived within " + WaitMs + " ms.");
        }

        return Count(_receiver.Receive(_chunk, 0, _chunk.Length, SocketFlags.None));
    }

    /// <summary>The socket adapter as it is built now.</summary>
    [Benchmark]
    public int TransportReceive() => Count(_transport.Receive(_chunk, 0, _chunk.Length, WaitMs));

    private int Count(int received)
    {
        if (received <= 0)
        {
            throw new InvalidOperationException("The receive returned " + received + " with data waiting.");
        }

        Interlocked.Add(ref _received, received);
        return received;
    }

    private void Feed()
    {
        var block = new byte[SenderBlockBytes];
        try
        {
            while (!_stopping)
            {
                _sender.Send(block);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closed by the cleanup.
        }
    }
}
