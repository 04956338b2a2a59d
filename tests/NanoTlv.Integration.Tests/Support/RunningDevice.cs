using NanoTlv.Firmware;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Integration.Tests.Support;

/// <summary>A virtual ESP32 DevKit served by <see cref="VirtualDeviceHost"/> on 127.0.0.1, port 0.</summary>
public sealed class RunningDevice : IDisposable
{
    public RunningDevice(Action<DeviceOptions>? configure = null)
    {
        Board = new VirtualBoard();
        Options = new DeviceOptions { DeviceName = "virtual-esp32" };
        configure?.Invoke(Options);
        Log = new TestLog();
        Host = VirtualDeviceHost.Start(Board, Options, Log);
    }

    public VirtualBoard Board { get; }

    public DeviceOptions Options { get; }

    public TestLog Log { get; }

    public VirtualDeviceHost Host { get; }

    public TestClient Connect() => new(Host.Port);

    public void Dispose()
    {
        Host.Dispose();
        Board.Dispose();
    }
}
