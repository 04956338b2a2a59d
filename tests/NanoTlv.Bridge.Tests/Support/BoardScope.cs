using System;
using NanoTlv.Firmware;
using NanoTlv.Testing;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Bridge.Tests.Support
{
    /// <summary>A virtual board on a loopback port that a test can kill and start again on the same port, as a
    /// new board (a reboot: pin modes, subscriptions and failsafe levels forgotten).</summary>
    public sealed class BoardScope : IDisposable
    {
        private readonly DeviceOptions _options;

        public BoardScope(string name, string? token = null)
        {
            _options = new DeviceOptions { DeviceName = name, AuthToken = token, FirmwareMajor = 1, FirmwareMinor = 2, FirmwarePatch = 3 };
            Board = new VirtualBoard();
            Host = VirtualDeviceHost.Start(Board, _options, Log);
            Port = Host.Port;
        }

        public int Port { get; }

        public VirtualBoard Board { get; private set; }

        public VirtualDeviceHost? Host { get; private set; }

        public TestLog Log { get; } = new();

        /// <summary>Stops the device: every connection closes.</summary>
        public void Kill()
        {
            Host?.Dispose();
            Host = null;
        }

        /// <summary>Starts a fresh board on the same port.</summary>
        public void Restart()
        {
            Board.Dispose();
            Board = new VirtualBoard();
            Host = VirtualDeviceHost.Start(Board, _options, Log, Port);
        }

        public void Dispose()
        {
            Kill();
            Board.Dispose();
        }
    }
}
