using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    /// <summary>
    /// What a pin is currently used for, as the firmware tracks it: one of the wire's <see cref="PinMode"/>
    /// values, <see cref="Pwm"/>, or <see cref="Unconfigured"/>.
    /// </summary>
    internal static class PinUse
    {
        /// <summary>No command has configured the pin since start-up (or its PWM was stopped).</summary>
        public const byte Unconfigured = 0xFF;

        /// <summary>The pin runs PWM.</summary>
        public const byte Pwm = 0xFE;

        /// <summary>Highest <see cref="PinMode"/> value on the wire.</summary>
        public const byte HighestMode = (byte)PinMode.OutputOpenDrain;

        /// <summary>True for a digital input mode.</summary>
        /// <param name="use">A tracked use.</param>
        /// <returns>Whether the pin reads its line.</returns>
        public static bool IsInput(byte use) =>
            use == (byte)PinMode.Input || use == (byte)PinMode.InputPullUp || use == (byte)PinMode.InputPullDown;

        /// <summary>True for a digital output mode.</summary>
        /// <param name="use">A tracked use.</param>
        /// <returns>Whether the pin drives its line.</returns>
        public static bool IsOutput(byte use) => use == (byte)PinMode.Output || use == (byte)PinMode.OutputOpenDrain;

        /// <summary>The capabilities a pin needs for <paramref name="mode"/>.</summary>
        /// <param name="mode">A mode of the wire (0..<see cref="HighestMode"/>).</param>
        /// <returns>The required capabilities.</returns>
        public static PinCapabilities RequiredFor(PinMode mode) => GpioModeRequirements.For(ToGpioMode(mode));

        /// <summary>The hardware mode a wire mode configures.</summary>
        /// <param name="mode">A mode of the wire (0..<see cref="HighestMode"/>).</param>
        /// <returns>The GPIO driver's mode.</returns>
        public static GpioMode ToGpioMode(PinMode mode)
        {
            switch (mode)
            {
                case PinMode.InputPullUp:
                    return GpioMode.InputPullUp;
                case PinMode.InputPullDown:
                    return GpioMode.InputPullDown;
                case PinMode.Output:
                    return GpioMode.Output;
                case PinMode.OutputOpenDrain:
                    return GpioMode.OutputOpenDrain;
                default:
                    return GpioMode.Input;
            }
        }
    }
}
