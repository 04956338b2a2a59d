namespace NanoTlv.Client
{
    /// <summary>
    /// A BME280 measurement. The wire's integer values keep the names the firmware's driver gives them
    /// (unit and fixed-point format in the name); the converted values are in plain units.
    /// </summary>
    /// <param name="TemperatureCentiCelsius">Temperature in hundredths of a degree Celsius, as sent.</param>
    /// <param name="PressurePaQ24Dot8">Pressure in pascal, unsigned Q24.8 (Pa × 256), as sent.</param>
    /// <param name="HumidityPercentQ22Dot10">Relative humidity in percent, unsigned Q22.10 (%RH × 1024), as sent.</param>
    public sealed record Bme280Reading(int TemperatureCentiCelsius, uint PressurePaQ24Dot8, uint HumidityPercentQ22Dot10)
    {
        private const double CentiCelsiusPerCelsius = 100.0;
        private const double PressureScale = 256.0;
        private const double HumidityScale = 1024.0;
        private const double PascalsPerHectopascal = 100.0;

        /// <summary>Temperature in °C.</summary>
        public double TemperatureCelsius => TemperatureCentiCelsius / CentiCelsiusPerCelsius;

        /// <summary>Pressure in Pa.</summary>
        public double PressurePascals => PressurePaQ24Dot8 / PressureScale;

        /// <summary>Pressure in hPa.</summary>
        public double PressureHectopascals => PressurePascals / PascalsPerHectopascal;

        /// <summary>Relative humidity in %.</summary>
        public double HumidityPercent => HumidityPercentQ22Dot10 / HumidityScale;
    }
}
