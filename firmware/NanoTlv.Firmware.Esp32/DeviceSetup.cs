using NanoTlv.Firmware.Board;

namespace NanoTlv.Firmware.Esp32
{
    /// <summary>Turns <see cref="DeviceConfiguration"/> into the objects the server takes.</summary>
    internal static class DeviceSetup
    {
        /// <summary>The DevKit pin table with the configured I2C and LED pins and pin allow-list.</summary>
        /// <returns>The board description.</returns>
        /// <exception cref="System.ArgumentException">A configured pin cannot serve its role.</exception>
        public static BoardDescription CreateBoardDescription() =>
            Restrict(
                Esp32DevKitBoard.Create(DeviceConfiguration.I2cDataPin, DeviceConfiguration.I2cClockPin, DeviceConfiguration.StatusLedPin),
                DeviceConfiguration.AllowedPins);

        /// <summary>Server options from the configuration, validated.</summary>
        /// <returns>The options.</returns>
        /// <exception cref="System.ArgumentException">A setting is out of range; the message names it.</exception>
        public static DeviceOptions CreateOptions()
        {
            DeviceOptions options = new DeviceOptions
            {
                DeviceName = DeviceConfiguration.DeviceName,
                FirmwareMajor = FirmwareVersion.Major,
                FirmwareMinor = FirmwareVersion.Minor,
                FirmwarePatch = FirmwareVersion.Patch,
                MaxPayloadBytes = DeviceConfiguration.MaxPayloadBytes,
                MaxClients = DeviceConfiguration.MaxClients,
                AuthToken = DeviceConfiguration.AuthToken,
                IdleTimeoutMs = DeviceConfiguration.IdleTimeoutMs,
            };

            SetFailsafe(options, DeviceConfiguration.FailsafeLowPins, false);
            SetFailsafe(options, DeviceConfiguration.FailsafeHighPins, true);
            options.Validate();
            return options;
        }

        private static BoardDescription Restrict(BoardDescription board, int[]? allowedPins) =>
            allowedPins == null ? board : board.RestrictTo(allowedPins);

        private static void SetFailsafe(DeviceOptions options, int[] pins, bool high)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                options.SetFailsafe(pins[i], high);
            }
        }
    }
}
