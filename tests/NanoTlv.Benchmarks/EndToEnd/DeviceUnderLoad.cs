using System;
using NanoTlv.Benchmarks.Device;
using NanoTlv.Firmware;
using NanoTlv.Testing;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// The firmware core on a virtual ESP32 DevKit behind its real socket adapter (<see cref="VirtualDeviceHost"/>),
/// with enough connection slots for the load (the default 4, or more).
/// </summary>
public sealed class DeviceUnderLoad : IServerUnderLoad
{
    private readonly VirtualDeviceHost _host;
    private readonly TestLog _log = TestLog.ErrorsOnly();

    private DeviceUnderLoad(int connections)
    {
        var options = new DeviceOptions { MaxClients = Math.Max(DeviceOptions.DefaultMaxClients, connections) };
        _host = VirtualDeviceHost.StartOwning(new VirtualBoard(), options, _log);
    }

    public string Name => "device";

    public int Port => _host.Port;

    /// <summary>Starts a device with at least <paramref name="connections"/> slots.</summary>
    public static DeviceUnderLoad Start(int connections) => new(connections);

    public void ThrowIfFailed()
    {
        if (_host.Failure is Exception failure)
        {
            throw new InvalidOperationException("The device's accept loop failed: " + failure.Message, failure);
        }

        _log.ThrowIfErrorLogged();
    }

    public void Dispose() => _host.Dispose();
}
