namespace NanoTlv.Firmware.Esp32.Status
{
    /// <summary>What the status LED shows.</summary>
    internal enum LedPattern
    {
        /// <summary>Off: not started, or stopped by a configuration error (see the debug console).</summary>
        Off,

        /// <summary>Fast blink: connecting to Wi-Fi.</summary>
        Connecting,

        /// <summary>Slow blink: listening, no client connected.</summary>
        WaitingForClient,

        /// <summary>Steady on: at least one client connected.</summary>
        ClientConnected,
    }
}
