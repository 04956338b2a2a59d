using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>The capability flags of the HELLO reply, derived from the board.</summary>
    internal static class FeatureFlags
    {
        /// <summary>Digital, events, sensors and failsafe always; analog and PWM when some pin has them; I2C
        /// when the board has a bus; AuthenticationRequired when a token is configured.</summary>
        /// <param name="board">The board.</param>
        /// <param name="tokenRequired">True when a token is configured.</param>
        /// <returns>The flags.</returns>
        public static DeviceCapabilities For(BoardDescription board, bool tokenRequired)
        {
            DeviceCapabilities flags = DeviceCapabilities.Digital | DeviceCapabilities.Events | DeviceCapabilities.Sensors | DeviceCapabilities.Failsafe;
            for (int pin = 0; pin < board.PinCount; pin++)
            {
                PinDescription? description = board.GetPin(pin);
                if (description == null)
                {
                    continue;
                }

                if (description.Has(PinCapabilities.Analog))
                {
                    flags |= DeviceCapabilities.Analog;
                }

                if (description.Has(PinCapabilities.Pwm))
                {
                    flags |= DeviceCapabilities.Pwm;
                }
            }

            if (board.I2cDataPin != BoardDescription.NoPin && board.I2cClockPin != BoardDescription.NoPin)
            {
                flags |= DeviceCapabilities.I2c;
            }

            if (tokenRequired)
            {
                flags |= DeviceCapabilities.AuthenticationRequired;
            }

            return flags;
        }
    }
}
