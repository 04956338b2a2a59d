using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using NanoTlv.Firmware;
using NanoTlv.Testing;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Client.Tests.Integration
{
    /// <summary>A virtual device on a free loopback port for one test.</summary>
    public sealed class VirtualDeviceScope : IDisposable
    {
        public VirtualDeviceScope(Action<DeviceOptions>? configure = null)
        {
            var options = new DeviceOptions { DeviceName = "client-test", FirmwareMajor = 1, FirmwareMinor = 4, FirmwarePatch = 2 };
            configure?.Invoke(options);
            Board = new VirtualBoard();
            Host = VirtualDeviceHost.Start(Board, options, Log);
        }

        public VirtualBoard Board { get; }

        public VirtualDeviceHost Host { get; }

        public TestLog Log { get; } = new();

        public Task<TlvClient> ConnectAsync(TlvClientOptions? options = null) =>
            TlvClient.ConnectAsync("127.0.0.1", Host.Port, options ?? new TlvClientOptions { RequestTimeout = TimeSpan.FromSeconds(5) });

        public void Dispose()
        {
            Host.Dispose();
            Board.Dispose();
        }
    }
}
