using System;

namespace NanoTlv.Messages
{
    /// <summary>What a pin can do, as reported by CAPS (u16, big-endian).</summary>
    [Flags]
    public enum PinCapabilities : ushort
    {
        /// <summary>Nothing.</summary>
        None = 0,

        /// <summary>Digital input.</summary>
        DigitalInput = 0x0001,

        /// <summary>Digital push-pull output.</summary>
        DigitalOutput = 0x0002,

        /// <summary>Internal pull-up.</summary>
        PullUp = 0x0004,

        /// <summary>Internal pull-down.</summary>
        PullDown = 0x0008,

        /// <summary>Open-drain output.</summary>
        OpenDrain = 0x0010,

        /// <summary>Analog input (ADC channel in the CAPS entry).</summary>
        Analog = 0x0020,

        /// <summary>PWM output.</summary>
        Pwm = 0x0040,

        /// <summary>Used by the I2C bus (SDA or SCL).</summary>
        I2c = 0x0080,

        /// <summary>Reserved: every command on this pin is refused.</summary>
        Reserved = 0x0100,

        /// <summary>Strapping pin: its level at reset selects boot modes; use with care.</summary>
        Strapping = 0x0200,

        /// <summary>Used by the firmware itself (status LED).</summary>
        SystemUse = 0x0400,
    }
}
