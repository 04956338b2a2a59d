namespace NanoTlv.Firmware.Esp32
{
    /// <summary>The firmware version reported in the HELLO reply; keep it equal to AssemblyVersion.</summary>
    internal static class FirmwareVersion
    {
        /// <summary>Major version.</summary>
        public const byte Major = 0;

        /// <summary>Minor version.</summary>
        public const byte Minor = 1;

        /// <summary>Patch version.</summary>
        public const byte Patch = 0;

        /// <summary>"major.minor.patch", for the start-up log line.</summary>
        public const string Text = "0.1.0";
    }
}
