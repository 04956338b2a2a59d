using System;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using NanoTlv.Firmware;
using NanoTlv.Messages;
using NanoTlv.Testing;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// Connect/close cycles against the device's accept path, beside a bare server that accepts and closes, in the same
/// run: the ratio is what the device's accept path costs. The device is the firmware core on a virtual ESP32 DevKit
/// behind its real socket adapter (<see cref="VirtualDeviceHost"/>: the listener with the platform's maximum backlog,
/// the accept loop, a slot's worker thread, a session that sees the client's FIN and closes in order).
/// </summary>
/// <remarks>
/// One operation is one cycle, the same for both servers: the client connects to 127.0.0.1, shuts its sending side
/// (FIN), waits until the server has closed its side (a receive returns 0) and closes. So a cycle ends only when
/// the server has accepted the connection and finished with it. A device that turned the cycle away (ConnectionRejected,
/// then its close) is counted (<see cref="Rejected"/>); any other byte throws, and the run reports that case as broken.
/// </remarks>
[MemoryDiagnoser]
public class ConnectionCycleBenchmarks
{
    /// <summary>Connection slots of the device: more than the default 4, so that sessions still closing on a loaded
    /// machine seldom make it reject the next cycle.</summary>
    public const int SlotCount = 16;

    private BareAcceptServer _bare = null!;
    private VirtualDeviceHost _device = null!;
    private TestLog _deviceLog = null!;
    private readonly byte[] _receiveBuffer = new byte[64];
    private readonly byte[] _rejected = Hex.Frame(Wire.Event(EventCode.ConnectionRejected, StatusCode.Busy, SlotCount));

    [GlobalSetup]
    public void Setup()
    {
        _bare = BareAcceptServer.Start();
        _deviceLog = TestLog.ErrorsOnly();
        _device = VirtualDeviceHost.StartOwning(new VirtualBoard(), new DeviceOptions { IdleTimeoutMs = DeviceOptions.NoIdleTimeout, MaxClients = SlotCount }, _deviceLog);
    }

    /// <summary>Cycles the device turned away (ConnectionRejected, then closed) in this process.</summary>
    public static long Rejected { get; private set; }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine("// connection cycles rejected by the device so far: " + Rejected);
        _device.Dispose();
        _bare.Dispose();
        _bare.ThrowIfFailed();
        _deviceLog.ThrowIfErrorLogged();
        if (_device.Failure is Exception failure)
        {
            throw new InvalidOperationException("The device's accept loop failed: " + failure.Message, failure);
        }
    }

    /// <summary>A plain listening socket on its own thread that accepts each connection and closes it.</summary>
    [Benchmark(Baseline = true)]
    public int BareAcceptAndClose() => Cycle(_bare.Port);

    /// <summary><c>DeviceServer</c> behind <c>SocketTransportListener</c>, as the virtual device and <c>tlvctl serve</c> run it.</summary>
    [Benchmark]
    public int DeviceServer() => Cycle(_device.Port);

    private int Cycle(int port)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(new IPEndPoint(IPAddress.Loopback, port));
        client.Shutdown(SocketShutdown.Send);
        int received = client.Receive(_receiveBuffer);
        if (received == 0)
        {
            return 0;
        }

        // A slot frees only after its session closed the connection, so a cycle can find every slot still winding
        // down on a loaded machine and be turned away: answered too, and counted.
        if (_receiveBuffer.AsSpan(0, received).SequenceEqual(_rejected) && client.Receive(_receiveBuffer) == 0)
        {
            Rejected++;
            return 1;
        }

        throw new InvalidOperationException("The server sent " + Hex.Format(_receiveBuffer.AsSpan(0, received).ToArray()) + " instead of closing.");
    }
}
