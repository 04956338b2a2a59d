namespace NanoTlv.Messages
{
    /// <summary>Why a pin is refused with <see cref="StatusCode.PinReserved"/>: the last byte of its CAPS entry.</summary>
    public enum PinReservation : byte
    {
        /// <summary>Not reserved: clients may use the pin.</summary>
        None = 0x00,

        /// <summary>Wired to the module's SPI flash (ESP32 GPIO 6..11); driving it crashes the chip.</summary>
        Flash = 0x01,

        /// <summary>Wired inside the module to something else (for example PSRAM on a WROVER).</summary>
        ModuleWiring = 0x02,

        /// <summary>Left out of the device's configured pin allow-list.</summary>
        NotAllowed = 0x03,

        /// <summary>UART0 TX/RX: nanoFramework's debugger and deployment wire (ESP32 GPIO 1 and 3).</summary>
        Console = 0x04,

        /// <summary>Drives the firmware's status LED.</summary>
        StatusLed = 0x05,

        /// <summary>The I2C bus's data line (SDA), owned by the I2C commands and SENSOR_READ.</summary>
        I2cData = 0x06,

        /// <summary>The I2C bus's clock line (SCL), owned by the I2C commands and SENSOR_READ.</summary>
        I2cClock = 0x07,
    }
}
