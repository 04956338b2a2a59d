namespace NanoTlv.Messages
{
    /// <summary>Sensors SENSOR_READ can read.</summary>
    public enum SensorKind : byte
    {
        /// <summary>The chip's internal temperature sensor.</summary>
        InternalTemperature = 0,

        /// <summary>A Bosch BME280 on the I2C bus (address 0x76 by default, or 0x77).</summary>
        Bme280 = 1,
    }
}
