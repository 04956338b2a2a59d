using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice
{
    /// <summary>A listener registered on one pin, with its debounce state. Guarded by the pins' lock.</summary>
    internal sealed class PinChangeSubscription
    {
        public PinChangeSubscription(VirtualPin pin, int debounceMs, IPinChangeListener listener, bool level)
        {
            Pin = pin;
            DebounceMs = debounceMs;
            Listener = listener;
            ReportedLevel = level;
        }

        public VirtualPin Pin { get; }

        public int DebounceMs { get; }

        public IPinChangeListener Listener { get; }

        /// <summary>The level the listener last heard of (or the level at subscription).</summary>
        public bool ReportedLevel { get; set; }

        /// <summary>Uptime of the last level change, the start of the stable period.</summary>
        public long LastChangeMs { get; set; }

        /// <summary>Fires when the debounce period may have ended; null without debounce.</summary>
        public Timer? DebounceTimer { get; set; }
    }
}
