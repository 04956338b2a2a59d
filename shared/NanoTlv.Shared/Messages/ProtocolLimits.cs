namespace NanoTlv.Messages
{
    /// <summary>
    /// The protocol's version and the ranges its arguments may take (the argument lengths are
    /// <see cref="MessageCatalog"/>'s).
    /// </summary>
    public static class ProtocolLimits
    {
        /// <summary>Protocol version spoken by this code (HELLO).</summary>
        public const byte ProtocolVersion = 1;

        /// <summary>Largest token HELLO carries.</summary>
        public const int MaxTokenBytes = 64;

        /// <summary>Largest device name in the HELLO reply.</summary>
        public const int MaxDeviceNameBytes = 32;

        /// <summary>Duty value meaning 100 % in PWM_SET.</summary>
        public const int FullDuty = 10000;

        /// <summary>Highest PWM_SET frequency: the ESP32's LEDC tops out at 40 MHz (80 MHz APB clock, 1-bit duty).</summary>
        public const int MaxPwmFrequencyHz = 40000000;

        /// <summary>Longest PULSE accepted.</summary>
        public const int MaxPulseMs = 3600000;

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
    }
}
