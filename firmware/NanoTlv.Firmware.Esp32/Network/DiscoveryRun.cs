using System;
using System.Net;
using System.Net.NetworkInformation;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Discovery;
using NanoTlv.Firmware.Net;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Esp32.Network
{
    /// <summary>
    /// One lifetime of the discovery responder on the station interface: UDP 5151 on every address, announcements to
    /// the subnet's broadcast address (from IPv4Address and IPv4SubnetMask), the MAC address as board id. Started
    /// with the server, stopped with it or when the address changes.
    /// </summary>
    internal sealed class DiscoveryRun
    {
        private const int StopWaitMs = 3000;

        private readonly DiscoveryResponder _responder;
        private readonly Thread _thread;
        private readonly ILog _log;

        private DiscoveryRun(DiscoveryResponder responder, ILog log)
        {
            _responder = responder;
            _log = log;
            _thread = new Thread(responder.Run);
        }

        /// <summary>Starts answering and announcing; a board that cannot (no station interface, a MAC address that is
        /// not 6 bytes, the port taken) logs why and runs without discovery.</summary>
        /// <param name="options">The server's settings (name, firmware version, token flag).</param>
        /// <param name="clock">Uptime source.</param>
        /// <param name="log">Log.</param>
        /// <returns>The run, or null when discovery could not start.</returns>
        public static DiscoveryRun? TryStart(DeviceOptions options, ISystemMonitor clock, ILog log)
        {
            UdpDatagramTransport? transport = null;
            try
            {
                NetworkInterface? station = WifiConnector.Station();
                if (station == null)
                {
                    log.Error("Discovery off: no Wi-Fi station interface.");
                    return null;
                }

                IPAddress broadcast = SubnetBroadcast.For(station.IPv4Address, station.IPv4SubnetMask);
                BoardAnnouncement announcement = DeviceAnnouncement.From(options, station.PhysicalAddress, DeviceConfiguration.TcpPort);
                transport = new UdpDatagramTransport(IPAddress.Any, DiscoveryFormat.DefaultPort, new IPEndPoint(broadcast, DiscoveryFormat.DefaultPort));
                DiscoveryRun run = new DiscoveryRun(new DiscoveryResponder(announcement, DeviceConfiguration.AnnounceIntervalMs, transport, clock, log), log);
                run._thread.Start();
                log.Info("Discovery: UDP " + DiscoveryFormat.DefaultPort + ", announcing to " + broadcast + ".");
                return run;
            }
            catch (Exception e)
            {
                if (transport != null)
                {
                    transport.Close();
                }

                log.Error("Discovery off: " + e.Message);
                return null;
            }
        }

        /// <summary>Stops the responder and waits for its thread.</summary>
        public void Stop()
        {
            _responder.Stop();
            if (!_thread.Join(StopWaitMs))
            {
                _log.Error("Discovery: still running " + StopWaitMs + " ms after Stop.");
            }
        }
    }
}
