using System;

namespace NanoTlv.Messages
{
    /// <summary>Feature flags in the HELLO reply (u32, big-endian).</summary>
    [Flags]
    public enum DeviceCapabilities : uint
    {
        /// <summary>Nothing.</summary>
        None = 0,

        /// <summary>Digital I/O and PULSE.</summary>
        Digital = 0x0001,

        /// <summary>Input-change events (SUBSCRIBE).</summary>
        Events = 0x0002,

        /// <summary>ANALOG_READ.</summary>
        Analog = 0x0004,

        /// <summary>PWM_SET / PWM_STOP.</summary>
        Pwm = 0x0008,

        /// <summary>I2C commands.</summary>
        I2c = 0x0010,

        /// <summary>SENSOR_READ.</summary>
        Sensors = 0x0020,

        /// <summary>FAILSAFE levels.</summary>
        Failsafe = 0x0040,

        /// <summary>A token is required before commands other than HELLO and PING.</summary>
        AuthenticationRequired = 0x0080,
    }
}
