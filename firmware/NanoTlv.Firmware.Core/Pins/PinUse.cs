using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    /// <summary>
    /// What a pin is currently used for, as the firmware tracks it: one of the wire's <see cref="PinMode"/>
    /// values (same numbers), <see cref="Pwm"/>, or <see cref="Unconfigured"/>.
    /// </summary>
    internal enum PinUse : byte
    {
        /// <summary>Digital input, floating (<see cref="PinMode.Input"/>).</summary>
        Input = (byte)PinMode.Input,

        /// <summary>Digital input with pull-up (<see cref="PinMode.InputPullUp"/>).</summary>
        InputPullUp = (byte)PinMode.InputPullUp,

        /// <summary>Digital input with pull-down (<see cref="PinMode.InputPullDown"/>).</summary>
        InputPullDown = (byte)PinMode.InputPullDown,

        /// <summary>Push-pull output (<see cref="PinMode.Output"/>).</summary>
        Output = (byte)PinMode.Output,

        /// <summary>Open-drain output (<see cref="PinMode.OutputOpenDrain"/>).</summary>
        OutputOpenDrain = (byte)PinMode.OutputOpenDrain,

        /// <summary>The pin runs PWM.</summary>
        Pwm = 0xFE,

        /// <summary>No command has configured the pin since start-up (or its PWM was stopped).</summary>
        Unconfigured = 0xFF,
    }
}
