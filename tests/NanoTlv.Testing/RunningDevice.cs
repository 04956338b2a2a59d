using System;
using NanoTlv.Firmware;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Testing
{
    /// <summary>
    /// The running-virtual-device fixture: the firmware core on a fresh virtual ESP32 DevKit, served by
    /// <see cref="VirtualDeviceHost"/> on 127.0.0.1 at a port the system picks, logging into a <see cref="TestLog"/>.
    /// Dispose stops the server, then the board (the host owns it).
    /// </summary>
    public sealed class RunningDevice : IDisposable
    {
        /// <summary>The name the device reports unless a test sets another (13 characters, as a real board's might be).</summary>
        public const string DefaultName = "virtual-esp32";

        /// <summary>The firmware version the device reports unless a test sets another: 1.4.2 (three different
        /// digits, so a swapped field shows).</summary>
        public static readonly Version DefaultFirmware = new(1, 4, 2);

        /// <summary>Starts a device.</summary>
        /// <param name="configure">Changes the options after the defaults (<see cref="DefaultName"/>,
        /// <see cref="DefaultFirmware"/>) are set.</param>
        /// <param name="logCapacity">Newest log lines kept (long runs must not grow memory).</param>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        public RunningDevice(Action<DeviceOptions>? configure = null, int logCapacity = 10_000)
        {
            Options = new DeviceOptions
            {
                DeviceName = DefaultName,
                FirmwareMajor = (byte)DefaultFirmware.Major,
                FirmwareMinor = (byte)DefaultFirmware.Minor,
                FirmwarePatch = (byte)DefaultFirmware.Build,
            };
            configure?.Invoke(Options);
            Log = new TestLog(logCapacity);
            Host = VirtualDeviceHost.StartOwning(new VirtualBoard(), Options, Log);
        }

        /// <summary>The simulated board (drive inputs, read outputs).</summary>
        public VirtualBoard Board => Host.Board;

        /// <summary>The options the device was started with.</summary>
        public DeviceOptions Options { get; }

        /// <summary>The device's log.</summary>
        public TestLog Log { get; }

        /// <summary>The host serving the device.</summary>
        public VirtualDeviceHost Host { get; }

        /// <summary>The device server (active sessions, stop).</summary>
        public DeviceServer Server => Host.Server;

        /// <summary>The port at 127.0.0.1.</summary>
        public int Port => Host.Port;

        /// <summary>"127.0.0.1:port", as tlvctl's --device takes it.</summary>
        public string Address => "127.0.0.1:" + Port;

        /// <summary>Connects a raw wire client.</summary>
        /// <param name="receiveBufferBytes">The client socket's receive buffer; null keeps the system's.</param>
        /// <returns>The client.</returns>
        public RawClient Connect(int? receiveBufferBytes = null) => RawClient.Connect(Port, receiveBufferBytes);

        /// <summary>Connects and waits until the device answers a PING (the session is running).</summary>
        /// <param name="pingId">The PING's request id.</param>
        /// <returns>The client.</returns>
        /// <exception cref="InvalidOperationException">The reply was not the PING's.</exception>
        public RawClient ConnectServed(ushort pingId = 0xFFF0)
        {
            RawClient client = Connect();
            try
            {
                byte[] reply = client.Call(Wire.Request(Opcode.Ping, pingId));
                byte[] expected = Wire.Reply(Opcode.Ping, pingId, StatusCode.Ok);
                if (!reply.AsSpan().SequenceEqual(expected))
                {
                    throw new InvalidOperationException("The device answered a PING with " + Hex.Format(reply) + ", not " + Hex.Format(expected) + ".");
                }

                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>Waits until the server has <paramref name="count"/> active sessions, at most <see cref="Wait.Long"/>.
        /// A session counts until it has released everything it held (failsafe levels applied, subscriptions dropped),
        /// so waiting for 0 is waiting for the end of every session.</summary>
        /// <param name="count">The number.</param>
        /// <exception cref="TimeoutException">It did not come to that.</exception>
        public void WaitForActiveSessions(int count) =>
            Wait.Until(() => Server.ActiveSessions == count, "the device has " + count + " active sessions (has " + Server.ActiveSessions + ")");

        /// <summary>Stops the server (connections close, failsafe levels apply), then the board.</summary>
        public void Dispose() => Host.Dispose();
    }
}
