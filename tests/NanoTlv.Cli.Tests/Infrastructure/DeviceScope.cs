using System;
using NanoTlv.Firmware;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Cli.Tests.Infrastructure
{
    /// <summary>A virtual device on a free loopback port for one test, and the --device argument that reaches it.</summary>
    public sealed class DeviceScope : IDisposable
    {
        public const string Name = "cli-test";

        public DeviceScope(Action<DeviceOptions>? configure = null)
        {
            var options = new DeviceOptions { DeviceName = Name, FirmwareMajor = 2, FirmwareMinor = 5, FirmwarePatch = 1 };
            configure?.Invoke(options);
            Board = new VirtualBoard();
            Host = VirtualDeviceHost.Start(Board, options, new ConsoleLog(System.IO.TextWriter.Null, "device"));
        }

        public VirtualBoard Board { get; }

        public VirtualDeviceHost Host { get; }

        public string Address => "127.0.0.1:" + Host.Port;

        /// <summary>tlvctl arguments with --device pointing here.</summary>
        public string[] Args(params string[] args)
        {
            var all = new string[args.Length + 2];
            args.CopyTo(all, 0);
            all[^2] = "--device";
            all[^1] = Address;
            return all;
        }

        public void Dispose()
        {
            Host.Dispose();
            Board.Dispose();
        }
    }
}
