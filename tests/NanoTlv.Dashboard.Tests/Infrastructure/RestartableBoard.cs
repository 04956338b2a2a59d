using System;
using System.IO;
using NanoTlv.Firmware;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Dashboard.Tests.Infrastructure
{
    /// <summary>A virtual board on a free loopback port that can go away (<see cref="Stop"/>) and come back on the
    /// same port (<see cref="Restart"/>), like a board that is switched off and on.</summary>
    public sealed class RestartableBoard : IDisposable
    {
        private readonly DeviceOptions _options;
        private VirtualDeviceHost? _host;

        public RestartableBoard(string name, string? token = null)
        {
            _options = new DeviceOptions { DeviceName = name, FirmwareMajor = 1, FirmwareMinor = 4, FirmwarePatch = 2, AuthToken = token };
            Board = new VirtualBoard();
            _host = VirtualDeviceHost.Start(Board, _options, new ConsoleLog(TextWriter.Null, "device"));
            Port = _host.Port;
        }

        public VirtualBoard Board { get; }

        public int Port { get; }

        public BoardEndpoint Endpoint(string? token = null) => new("127.0.0.1", Port, token);

        /// <summary>Closes the device's listener and every connection.</summary>
        public void Stop()
        {
            _host?.Dispose();
            _host = null;
        }

        /// <summary>Listens again on the same port.</summary>
        public void Restart()
        {
            _host ??= VirtualDeviceHost.Start(Board, _options, new ConsoleLog(TextWriter.Null, "device"), Port);
        }

        public void Dispose()
        {
            Stop();
            Board.Dispose();
        }
    }
}
