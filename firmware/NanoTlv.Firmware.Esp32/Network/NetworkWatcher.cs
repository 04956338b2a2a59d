using System.Net.NetworkInformation;
using System.Threading;

namespace NanoTlv.Firmware.Esp32.Network
{
    /// <summary>
    /// Wakes the supervisor when the network changes (link up or down, address changed), so a lost
    /// connection is noticed at once instead of at the next poll.
    /// </summary>
    internal sealed class NetworkWatcher
    {
        private readonly AutoResetEvent _changed = new AutoResetEvent(false);

        /// <summary>Subscribes to nanoFramework's network change events.</summary>
        public NetworkWatcher()
        {
            NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
            NetworkChange.NetworkAddressChanged += OnAddressChanged;
        }

        /// <summary>Waits for a change or <paramref name="timeoutMs"/>.</summary>
        /// <param name="timeoutMs">Longest wait.</param>
        /// <returns>True when the network changed.</returns>
        public bool WaitForChange(int timeoutMs) => _changed.WaitOne(timeoutMs, false);

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e) => _changed.Set();

        private void OnAddressChanged(object sender, System.EventArgs e) => _changed.Set();
    }
}
