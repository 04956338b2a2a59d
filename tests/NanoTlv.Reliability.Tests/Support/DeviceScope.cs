using NanoTlv.Firmware;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>A virtual device on 127.0.0.1 (port 0) with a capturing log; Dispose stops it and the board.</summary>
public sealed class DeviceScope : IDisposable
{
    public const string DefaultDeviceName = "reliability";

    private DeviceScope(VirtualBoard board, DeviceOptions options, TestLog log, VirtualDeviceHost host)
    {
        Board = board;
        Options = options;
        Log = log;
        Host = host;
    }

    public VirtualBoard Board { get; }

    public DeviceOptions Options { get; }

    public TestLog Log { get; }

    public VirtualDeviceHost Host { get; }

    public DeviceServer Server => Host.Server;

    public int Port => Host.Port;

    public static DeviceScope Start(Action<DeviceOptions>? configure = null, int logCapacity = 10_000)
    {
        var options = new DeviceOptions { DeviceName = DefaultDeviceName, FirmwareMajor = 1, FirmwareMinor = 0, FirmwarePatch = 0 };
        configure?.Invoke(options);
        var board = new VirtualBoard();
        var log = new TestLog(logCapacity);
        try
        {
            return new DeviceScope(board, options, log, VirtualDeviceHost.Start(board, options, log));
        }
        catch
        {
            board.Dispose();
            throw;
        }
    }

    public RawClient Connect(int? receiveBufferBytes = null) => RawClient.Connect(Port, receiveBufferBytes);

    /// <summary>Connects and waits until the device answers a PING (the session is running).</summary>
    public RawClient ConnectServed(ushort pingId = 0xFFF0)
    {
        RawClient client = Connect();
        try
        {
            byte[] reply = client.Call(Wire.Request(Messages.Opcode.Ping, pingId));
            Assert.Equal(Wire.Reply(Messages.Opcode.Ping, pingId, Messages.StatusCode.Ok), reply);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public void WaitForActiveSessions(int count) =>
        Wait.Until(() => Server.ActiveSessions == count, Wait.Long, "the device has " + count + " active sessions (has " + Server.ActiveSessions + ")");

    public InfoCounters ReadInfo(RawClient client, ushort id = 0xFFF1) =>
        InfoCounters.Parse(client.Call(Wire.Request(Messages.Opcode.Info, id)));

    public void Dispose()
    {
        Host.Dispose();
        Board.Dispose();
    }
}
