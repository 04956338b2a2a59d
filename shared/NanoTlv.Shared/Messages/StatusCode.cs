namespace NanoTlv.Messages
{
    /// <summary>The status byte of a reply or an event. Every malformed request gets its own code.</summary>
    public enum StatusCode : byte
    {
        /// <summary>The command succeeded.</summary>
        Ok = 0x00,

        /// <summary>The opcode is not a command of this protocol.</summary>
        UnknownOpcode = 0x01,

        /// <summary>The arguments are shorter or longer than the command takes.</summary>
        BadLength = 0x02,

        /// <summary>The pin number is not a pin of this board.</summary>
        PinOutOfRange = 0x03,

        /// <summary>The pin is reserved (for example wired to the flash) and refused.</summary>
        PinReserved = 0x04,

        /// <summary>The pin cannot be put in the requested mode.</summary>
        UnsupportedMode = 0x05,

        /// <summary>The pin is not in a mode the command needs (for example writing an input).</summary>
        WrongPinMode = 0x06,

        /// <summary>The pin has no PWM channel.</summary>
        NoPwmChannel = 0x07,

        /// <summary>The pin has no ADC channel.</summary>
        NoAdcChannel = 0x08,

        /// <summary>The I2C device did not acknowledge its address.</summary>
        I2cNack = 0x09,

        /// <summary>The I2C transfer failed on the bus or moved fewer bytes than asked.</summary>
        I2cBusError = 0x0A,

        /// <summary>The sensor is not present (no answer, or a wrong chip id).</summary>
        SensorAbsent = 0x0B,

        /// <summary>A token is configured and this connection has not presented it in HELLO.</summary>
        NotAuthenticated = 0x0C,

        /// <summary>A frame announced a payload above the device's maximum.</summary>
        FrameTooLarge = 0x0D,

        /// <summary>An argument value is out of its range (a level other than 0 or 1, a duty above 10000, ...).</summary>
        BadArgument = 0x0E,

        /// <summary>The device cannot take this now (all connection slots used, the pin is busy pulsing, or HELLO
        /// tokens are refused unchecked during the cool-down after repeated wrong tokens).</summary>
        Busy = 0x0F,

        /// <summary>A payload too short to hold an opcode and a request id.</summary>
        MalformedRequest = 0x10,

        /// <summary>Bytes that were not a frame were skipped to the next marker.</summary>
        GarbageSkipped = 0x11,

        /// <summary>The device failed unexpectedly while running the command; the session carries on.</summary>
        InternalError = 0x12,

        /// <summary>HELLO asked for a protocol version the device does not speak.</summary>
        UnsupportedVersion = 0x13,
    }
}
