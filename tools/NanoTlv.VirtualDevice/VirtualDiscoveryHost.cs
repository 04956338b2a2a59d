using System;
using System.Net;
using System.Threading;
using NanoTlv.Firmware;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Discovery;
using NanoTlv.Firmware.Net;
using NanoTlv.Messages;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// The firmware core's discovery responder for a virtual device: a UDP socket at 127.0.0.1 that answers DISCOVER
    /// and announces the device to a chosen address, with the same <see cref="DiscoveryResponder"/> and socket adapter
    /// the ESP32 runs.
    /// </summary>
    public sealed class VirtualDiscoveryHost : IDisposable
    {
        /// <summary>The loopback broadcast address, the default announcement target on the host.</summary>
        public static readonly IPAddress LoopbackBroadcast = IPAddress.Parse("127.255.255.255");

        /// <summary>Longest <see cref="Dispose"/> waits for the responder's thread.</summary>
        public const int StopTimeoutMs = 5000;

        private readonly DiscoveryResponder _responder;
        private readonly Thread _thread;
        private readonly ILog _log;
        private int _disposed;

        private VirtualDiscoveryHost(DiscoveryResponder responder, int port, IPEndPoint announceTo, byte[] boardId, ILog log)
        {
            _responder = responder;
            _log = log;
            Port = port;
            AnnounceTo = announceTo;
            BoardId = boardId;
            _thread = new Thread(responder.Run) { IsBackground = true, Name = "VirtualDevice discovery" };
        }

        /// <summary>The UDP port at 127.0.0.1 that answers DISCOVER.</summary>
        public int Port { get; }

        /// <summary>Where periodic announcements go.</summary>
        public IPEndPoint AnnounceTo { get; }

        /// <summary>The announced board id (see <see cref="BoardIdFor"/>).</summary>
        public byte[] BoardId { get; }

        /// <summary>What the responder did so far.</summary>
        public DiscoveryCounters Counters => _responder.Counters;

        /// <summary>
        /// The board id of a virtual device serving TCP at <paramref name="tcpPort"/>: <c>02 4E 54 00</c> and the port,
        /// a locally administered MAC-style id that is unique per device on one host.
        /// </summary>
        /// <param name="tcpPort">The device's TCP port.</param>
        /// <returns>6 bytes.</returns>
        public static byte[] BoardIdFor(int tcpPort) => [0x02, 0x4E, 0x54, 0x00, (byte)(tcpPort >> 8), (byte)tcpPort];

        /// <summary>Starts answering and announcing for a device with <paramref name="options"/> at TCP <paramref name="tcpPort"/>.</summary>
        /// <param name="options">The device's settings (name, firmware version, token).</param>
        /// <param name="tcpPort">The device's TCP port.</param>
        /// <param name="discoveryPort">UDP port to bind at 127.0.0.1; 0 for a free one.</param>
        /// <param name="announceTo">Where announcements go (127.255.255.255:5151 by default in tlvctl).</param>
        /// <param name="announceIntervalMs">Milliseconds between announcements; 0 for none.</param>
        /// <param name="clock">Uptime source (the virtual board's).</param>
        /// <param name="log">Log.</param>
        /// <returns>The running responder.</returns>
        /// <exception cref="ArgumentException">An argument is invalid.</exception>
        /// <exception cref="System.Net.Sockets.SocketException">The UDP port cannot be bound.</exception>
        public static VirtualDiscoveryHost Start(DeviceOptions options, int tcpPort, int discoveryPort, IPEndPoint announceTo, int announceIntervalMs, ISystemMonitor clock, ILog log)
        {
            ArgumentNullException.ThrowIfNull(announceTo);
            ArgumentOutOfRangeException.ThrowIfNegative(discoveryPort);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(discoveryPort, IPEndPoint.MaxPort);
            byte[] boardId = BoardIdFor(tcpPort);
            BoardAnnouncement announcement = DeviceAnnouncement.From(options, boardId, tcpPort);
            var transport = new UdpDatagramTransport(IPAddress.Loopback, discoveryPort, announceTo);
            DiscoveryResponder responder;
            try
            {
                responder = new DiscoveryResponder(announcement, announceIntervalMs, transport, clock, log);
            }
            catch
            {
                transport.Close();
                throw;
            }

            var host = new VirtualDiscoveryHost(responder, transport.Port, announceTo, boardId, log);
            host._thread.Start();
            return host;
        }

        /// <summary>Stops the responder and waits for its thread, at most <see cref="StopTimeoutMs"/>.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            _responder.Stop();
            if (!_thread.Join(StopTimeoutMs))
            {
                _log.Error("virtual device: discovery did not stop within " + StopTimeoutMs + " ms");
            }
        }
    }
}
