namespace NanoTlv.Firmware.Sensors
{
    /// <summary>
    /// One BME280 result, in the datasheet's integer formats (the SENSOR_READ reply's units). Allocate one and let
    /// the driver refill it; check <see cref="IsValid"/> before using the values.
    /// </summary>
    public sealed class Bme280Reading
    {
        /// <summary>True when the last read succeeded and the values below belong to it.</summary>
        public bool IsValid { get; private set; }

        /// <summary>Temperature in hundredths of a degree Celsius (2508 = 25.08 °C).</summary>
        public int TemperatureCentiCelsius { get; private set; }

        /// <summary>Pressure in pascal, unsigned Q24.8 (pascal × 256).</summary>
        public uint PressurePaQ24Dot8 { get; private set; }

        /// <summary>Relative humidity in percent, unsigned Q22.10 (percent × 1024).</summary>
        public uint HumidityPercentQ22Dot10 { get; private set; }

        /// <summary>Fills in a successful reading.</summary>
        /// <param name="centiCelsius">Temperature, 0.01 °C.</param>
        /// <param name="pressurePaQ24Dot8">Pressure, Pa × 256.</param>
        /// <param name="humidityPercentQ22Dot10">Humidity, %RH × 1024.</param>
        internal void Set(int centiCelsius, uint pressurePaQ24Dot8, uint humidityPercentQ22Dot10)
        {
            TemperatureCentiCelsius = centiCelsius;
            PressurePaQ24Dot8 = pressurePaQ24Dot8;
            HumidityPercentQ22Dot10 = humidityPercentQ22Dot10;
            IsValid = true;
        }

        /// <summary>Marks the reading as failed; the values are zeroed.</summary>
        internal void Invalidate()
        {
            Set(0, 0, 0);
            IsValid = false;
        }
    }
}
