namespace NanoTlv.Messages
{
    /// <summary>
    /// Where things sit in a message payload (the payload of one frame).
    /// </summary>
    /// <remarks>
    /// <code>
    /// request: | opcode u8        | request_id u16 BE | arguments ...          |
    /// reply:   | opcode|0x80 u8   | request_id u16 BE | status u8 | data ...  |
    /// event:   | event code u8    | 0x0000            | status u8 | data ...  |
    /// </code>
    /// Example: PING id 1 with argument <c>AB</c> is the frame <c>72 00 04 02 00 01 AB</c>; its reply is
    /// <c>72 00 05 82 00 01 00 AB</c>.
    /// </remarks>
    public static class MessageLayout
    {
        /// <summary>Protocol version spoken by this code (HELLO).</summary>
        public const byte ProtocolVersion = 1;

        /// <summary>Opcode and request id.</summary>
        public const int RequestHeaderBytes = 3;

        /// <summary>Reply code, request id and status.</summary>
        public const int ReplyHeaderBytes = 4;

        /// <summary>Set in the first byte of a reply: reply code = opcode | 0x80.</summary>
        public const byte ReplyFlag = 0x80;

        /// <summary>
        /// The highest byte that can be a request opcode. Its reply code, 0xEF, stays below
        /// <see cref="FirstEventCode"/>, so replies and events never share a first byte.
        /// </summary>
        public const byte MaxRequestOpcode = 0x6F;

        /// <summary>
        /// The reply code for a request whose first byte lies outside 0x00..<see cref="MaxRequestOpcode"/>
        /// (always answered with <see cref="StatusCode.UnknownOpcode"/>): 0x80, the reply code of opcode 0x00.
        /// </summary>
        public const byte OutOfRangeOpcodeReplyCode = ReplyFlag;

        /// <summary>The first byte of a reply to a request whose first byte is <paramref name="opcode"/>:
        /// opcode | 0x80 for 0x00..0x6F, <see cref="OutOfRangeOpcodeReplyCode"/> for every other byte.</summary>
        /// <param name="opcode">The request's first byte.</param>
        /// <returns>The reply code, always in 0x80..0xEF.</returns>
        public static byte ReplyCodeFor(byte opcode) =>
            opcode <= MaxRequestOpcode ? (byte)(opcode | ReplyFlag) : OutOfRangeOpcodeReplyCode;

        /// <summary>First byte values at or above this are events.</summary>
        public const byte FirstEventCode = 0xF0;

        /// <summary>The request id every event carries.</summary>
        public const ushort EventRequestId = 0;

        /// <summary>Offset of the status byte in a reply or event payload.</summary>
        public const int StatusOffset = 3;

        /// <summary>Largest token HELLO carries.</summary>
        public const int MaxTokenBytes = 64;

        /// <summary>Largest device name in the HELLO reply.</summary>
        public const int MaxDeviceNameBytes = 32;

        /// <summary>Duty value meaning 100 % in PWM_SET.</summary>
        public const int FullDuty = 10000;

        /// <summary>Longest PULSE accepted.</summary>
        public const int MaxPulseMs = 3600000;

        /// <summary>Failsafe level meaning "no failsafe for this pin".</summary>
        public const byte FailsafeClear = 0xFF;

        /// <summary>ADC channel byte in the CAPS reply meaning "this pin has no ADC channel".</summary>
        public const byte NoAdcChannel = 0xFF;

        /// <summary>Most bytes one I2C_READ or I2C_WRITE_READ reads (the count is one byte).</summary>
        public const int MaxI2cReadBytes = 255;

        /// <summary>Lowest 7-bit I2C address the I2C commands accept (0x00..0x07 are reserved by the I2C specification).</summary>
        public const int FirstI2cAddress = 0x08;

        /// <summary>Highest 7-bit I2C address the I2C commands accept (0x78..0x7F are reserved by the I2C specification).</summary>
        public const int LastI2cAddress = 0x77;

        /// <summary>The BME280's address with SDO to GND, SENSOR_READ's default.</summary>
        public const int Bme280PrimaryAddress = 0x76;

        /// <summary>The BME280's address with SDO to VDDIO.</summary>
        public const int Bme280SecondaryAddress = 0x77;

        /// <summary>Highest PWM_SET frequency: the ESP32's LEDC tops out at 40 MHz (80 MHz APB clock, 1-bit duty).</summary>
        public const int MaxPwmFrequencyHz = 40000000;
    }
}
