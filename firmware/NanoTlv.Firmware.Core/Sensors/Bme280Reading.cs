namespace NanoTlv.Firmware.Sensors
{
    /// <summary>
    /// One BME280 result, in the datasheet's integer formats. Allocate one and let the driver refill it;
    /// check <see cref="IsValid"/> before using the values.
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

        /// <summary>Raw 20-bit temperature the values were computed from (adc_T).</summary>
        public int RawTemperature { get; private set; }

        /// <summary>Raw 20-bit pressure (adc_P).</summary>
        public int RawPressure { get; private set; }

        /// <summary>Raw 16-bit humidity (adc_H).</summary>
        public int RawHumidity { get; private set; }

        /// <summary>Fills in a successful reading.</summary>
        /// <param name="centiCelsius">Temperature, 0.01 °C.</param>
        /// <param name="pressureQ24Dot8">Pressure, Pa × 256.</param>
        /// <param name="humidityQ22Dot10">Humidity, %RH × 1024.</param>
        /// <param name="rawTemperature">adc_T.</param>
        /// <param name="rawPressure">adc_P.</param>
        /// <param name="rawHumidity">adc_H.</param>
        internal void Set(int centiCelsius, uint pressureQ24Dot8, uint humidityQ22Dot10, int rawTemperature, int rawPressure, int rawHumidity)
        {
            TemperatureCentiCelsius = centiCelsius;
            PressurePaQ24Dot8 = pressureQ24Dot8;
            HumidityPercentQ22Dot10 = humidityQ22Dot10;
            RawTemperature = rawTemperature;
            RawPressure = rawPressure;
            RawHumidity = rawHumidity;
            IsValid = true;
        }

        /// <summary>Marks the reading as failed; the values are zeroed.</summary>
        internal void Invalidate()
        {
            Set(0, 0, 0, 0, 0, 0);
            IsValid = false;
        }
    }
}
