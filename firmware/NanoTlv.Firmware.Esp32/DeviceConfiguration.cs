namespace NanoTlv.Firmware.Esp32
{
    /// <summary>
    /// Everything a user sets before flashing, in one place. Edit the values, build, deploy.
    /// The server checks the settings at start-up (<see cref="DeviceOptions.Validate"/> and the board
    /// table); a bad value stops the firmware with a message on the debug console, it never half-starts.
    /// See docs/hardware.md for the wiring these defaults assume.
    /// </summary>
    internal static class DeviceConfiguration
    {
        // ---- Wi-Fi -------------------------------------------------------------------------------

        /// <summary>Network name (SSID) of the access point. Required.</summary>
        public const string WifiSsid = "";

        /// <summary>Wi-Fi password (WPA2-PSK).</summary>
        public const string WifiPassword = "";

        // ---- Server ------------------------------------------------------------------------------

        /// <summary>TCP port the device listens on.</summary>
        public const int TcpPort = 5150;

        /// <summary>Milliseconds between discovery announcements to the subnet's broadcast address (UDP 5151);
        /// 0 to answer discovery requests only.</summary>
        public const int AnnounceIntervalMs = 10000;

        /// <summary>Name in the HELLO reply: printable ASCII, at most 32 characters.</summary>
        public const string DeviceName = "nanotlv-esp32";

        /// <summary>Token clients must present in HELLO before any command but HELLO and PING;
        /// null for no authentication. Printable ASCII, 1..64 characters.</summary>
        public const string? AuthToken = null;

        /// <summary>Simultaneous client connections (1..32). Each one preallocates its buffers.</summary>
        public const int MaxClients = 4;

        /// <summary>Largest request payload in bytes (128..65535).</summary>
        public const int MaxPayloadBytes = 1024;

        /// <summary>Milliseconds without a request after which a connection's failsafe levels are applied
        /// and it is closed; 0 for never.</summary>
        public const int IdleTimeoutMs = 60000;

        // ---- Pins --------------------------------------------------------------------------------

        /// <summary>GPIO numbers clients may use; null allows every pin the board table allows.
        /// Example: <c>new int[] { 4, 5, 13, 14, 25, 26, 27, 32, 33 }</c>.</summary>
        public static readonly int[]? AllowedPins = null;

        /// <summary>I2C data pin (SDA) of the BME280 bus; -1 for no I2C.</summary>
        public const int I2cDataPin = 21;

        /// <summary>I2C clock pin (SCL); -1 for no I2C.</summary>
        public const int I2cClockPin = 22;

        /// <summary>Status LED pin (the blue LED of DevKit V1 boards); -1 for none.</summary>
        public const int StatusLedPin = 2;

        /// <summary>Pins driven low at start-up and whenever the connection controlling them goes away.</summary>
        public static readonly int[] FailsafeLowPins = new int[0];

        /// <summary>Pins driven high at start-up and whenever the connection controlling them goes away.</summary>
        public static readonly int[] FailsafeHighPins = new int[0];
    }
}
