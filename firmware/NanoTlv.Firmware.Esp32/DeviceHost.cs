using System.Device.Gpio;
using System.Threading;
using nanoFramework.Runtime.Native;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Esp32.Board;
using NanoTlv.Firmware.Esp32.Network;
using NanoTlv.Firmware.Esp32.Status;

namespace NanoTlv.Firmware.Esp32
{
    /// <summary>
    /// Keeps the device reachable: join Wi-Fi, run the server, watch both; stop the server while the
    /// network is gone and start a fresh one when it is back; reboot when the server keeps failing.
    /// The first server is created at start-up, before Wi-Fi, so boot failsafe levels are driven at once.
    /// Discovery (UDP announcements and answers) runs beside each server run.
    /// </summary>
    internal sealed class DeviceHost
    {
        private const int StatusPollMs = 250;
        private const int AddressCheckIntervalMs = 5000;
        private const int ServerRestartDelayMs = 2000;
        private const int StableRunMs = 60000;
        private const int MaxConsecutiveServerFaults = 3;

        private readonly BoardServices _board;
        private readonly DeviceOptions _options;
        private readonly ILog _log;
        private readonly StatusLed _led;
        private readonly WifiConnector _wifi;
        private readonly NetworkWatcher _network = new NetworkWatcher();
        private DeviceServer? _nextServer;
        private DiscoveryRun? _discovery;

        private DeviceHost(BoardServices board, DeviceOptions options, StatusLed led, ILog log)
        {
            _board = board;
            _options = options;
            _led = led;
            _log = log;
            _wifi = new WifiConnector(DeviceConfiguration.WifiSsid, DeviceConfiguration.WifiPassword, log);

            // Validates the options against the board and drives the boot failsafe levels.
            _nextServer = new DeviceServer(board, options, log);
        }

        /// <summary>Builds the board, the options and the LED from <see cref="DeviceConfiguration"/>.</summary>
        /// <param name="log">Log.</param>
        /// <returns>The host, not yet running (its first server already drove the boot failsafe levels).</returns>
        /// <exception cref="System.ArgumentException">A configuration value is invalid; the message names it.</exception>
        public static DeviceHost Create(ILog log)
        {
            if (DeviceConfiguration.WifiSsid.Length == 0)
            {
                throw new System.ArgumentException("WifiSsid is empty: set the network name in DeviceConfiguration.cs.");
            }

            BoardDescription description = DeviceSetup.CreateBoardDescription();
            DeviceOptions options = DeviceSetup.CreateOptions();
            GpioController gpio = new GpioController();
            StatusLed led = new StatusLed(gpio, description.StatusLedPin);
            BoardServices board = Esp32Board.Create(description, gpio);
            log.Info("Board: " + description.Name + ", I2C SDA " + description.I2cDataPin + " SCL " + description.I2cClockPin + ", LED " + description.StatusLedPin + ".");
            return new DeviceHost(board, options, led, log);
        }

        /// <summary>Runs until the device reboots.</summary>
        public void RunForever()
        {
            int consecutiveFaults = 0;
            while (true)
            {
                _led.Show(LedPattern.Connecting);
                string address = _wifi.Connect();
                _log.Info("Listening on " + address + ":" + DeviceConfiguration.TcpPort + " (tlvctl --device " + address + ":" + DeviceConfiguration.TcpPort + " hello).");

                ServerRun run = ServerRun.Start(TakeServer(), _log, DeviceConfiguration.TcpPort);
                _discovery = DiscoveryRun.TryStart(_options, _board.System, _log);
                bool networkLost = Supervise(run, address);
                StopDiscovery();
                if (networkLost)
                {
                    _log.Info("Network lost: server stopped until Wi-Fi is back.");
                    run.Stop();
                    continue;
                }

                consecutiveFaults = run.AgeMs >= StableRunMs ? 1 : consecutiveFaults + 1;
                if (consecutiveFaults >= MaxConsecutiveServerFaults)
                {
                    _log.Error("Server failed " + consecutiveFaults + " times in a row: rebooting.");
                    Power.RebootDevice();
                }

                Thread.Sleep(ServerRestartDelayMs);
            }
        }

        private void StopDiscovery()
        {
            if (_discovery != null)
            {
                _discovery.Stop();
                _discovery = null;
            }
        }

        // The server created at start-up for the first run, then a fresh one per run (a server runs once).
        private DeviceServer TakeServer()
        {
            DeviceServer server = _nextServer ?? new DeviceServer(_board, _options, _log);
            _nextServer = null;
            return server;
        }

        // True when the network went away; false when the server's accept loop ended on its own.
        private bool Supervise(ServerRun run, string address)
        {
            int sinceAddressCheckMs = 0;
            while (true)
            {
                bool changed = _network.WaitForChange(StatusPollMs);
                if (!run.IsRunning)
                {
                    return false;
                }

                _led.Show(run.Server.ActiveSessions > 0 ? LedPattern.ClientConnected : LedPattern.WaitingForClient);
                sinceAddressCheckMs += StatusPollMs;
                if (!changed && sinceAddressCheckMs < AddressCheckIntervalMs)
                {
                    continue;
                }

                sinceAddressCheckMs = 0;
                string current = WifiConnector.CurrentAddress();
                if (current == WifiConnector.NoAddress)
                {
                    return true;
                }

                if (current != address)
                {
                    // The listener is bound to every address, so it keeps working; clients need the new one.
                    address = current;
                    _log.Info("Address changed: now " + address + ":" + DeviceConfiguration.TcpPort + ".");

                    // The subnet (and its broadcast address) may have changed with it.
                    StopDiscovery();
                    _discovery = DiscoveryRun.TryStart(_options, _board.System, _log);
                }
            }
        }
    }
}
