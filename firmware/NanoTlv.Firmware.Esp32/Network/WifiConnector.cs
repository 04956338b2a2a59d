using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;

namespace NanoTlv.Firmware.Esp32.Network
{
    /// <summary>
    /// Joins the configured Wi-Fi network with DHCP, retrying with exponential backoff until it has an
    /// address. The ESP32 also reconnects by itself after a drop (<see cref="WifiReconnectionKind.Automatic"/>).
    /// </summary>
    internal sealed class WifiConnector
    {
        /// <summary>What <see cref="CurrentAddress"/> returns while the interface has no address.</summary>
        public const string NoAddress = "0.0.0.0";

        private const int AttemptTimeoutMs = 30000;
        private const int FirstRetryDelayMs = 1000;
        private const int MaxRetryDelayMs = 60000;

        private readonly string _ssid;
        private readonly string _password;
        private readonly ILog _log;

        /// <summary>Creates the connector.</summary>
        /// <param name="ssid">Network name.</param>
        /// <param name="password">Password.</param>
        /// <param name="log">Where failed attempts are reported.</param>
        public WifiConnector(string ssid, string password, ILog log)
        {
            _ssid = ssid;
            _password = password;
            _log = log;
        }

        /// <summary>Blocks until the station interface has an IPv4 address.</summary>
        /// <returns>The address, e.g. "192.168.1.40".</returns>
        public string Connect()
        {
            int delayMs = FirstRetryDelayMs;
            for (int attempt = 1; ; attempt++)
            {
                using (CancellationTokenSource timeout = new CancellationTokenSource(AttemptTimeoutMs))
                {
                    if (WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, requiresDateTime: false, token: timeout.Token))
                    {
                        string address = CurrentAddress();
                        if (address != NoAddress)
                        {
                            return address;
                        }
                    }
                }

                // No reset between attempts: in System.Device.Wifi 1.5.144+ (WifiNetworkHelper.cs at tag v1.5.147,
                // commit 282a906) ConnectDhcp takes the token path (NetworkHelper.InternalWaitNetworkAvailable with
                // setupEvents false), which never sets the once-only _helperInstanciated guard, and each call looks the
                // adapter up, re-stores the profile and calls Connect again; the library documents it as retryable.
                // WifiNetworkHelper.Reset() exists for the event-based SetupNetworkHelper and does not disconnect.
                // What does persist is HelperException: it is assigned only when an attempt throws and never cleared,
                // so it describes this attempt only when Status says ExceptionOccurred (set together with it).
                Exception? failure = WifiNetworkHelper.Status == NetworkHelperStatus.ExceptionOccurred ? WifiNetworkHelper.HelperException : null;
                _log.Error(
                    "Wi-Fi: joining \"" + _ssid + "\" failed (attempt " + attempt + ", helper status " + (int)WifiNetworkHelper.Status +
                    (failure == null ? string.Empty : ", " + failure.Message) + "); next try in " + delayMs + " ms.");
                Thread.Sleep(delayMs);
                delayMs = delayMs > MaxRetryDelayMs / 2 ? MaxRetryDelayMs : delayMs * 2;
            }
        }

        /// <summary>The station interface's IPv4 address, or <see cref="NoAddress"/> while it has none.</summary>
        /// <returns>The address.</returns>
        public static string CurrentAddress()
        {
            NetworkInterface? station = Station();
            if (station == null)
            {
                return NoAddress;
            }

            string address = station.IPv4Address;
            return address == null || address.Length == 0 || address[0] == '0' ? NoAddress : address;
        }

        /// <summary>The Wi-Fi station interface (IPv4Address, IPv4SubnetMask, PhysicalAddress), or null.</summary>
        /// <returns>The interface.</returns>
        public static NetworkInterface? Station()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return interfaces[i];
                }
            }

            return null;
        }
    }
}
