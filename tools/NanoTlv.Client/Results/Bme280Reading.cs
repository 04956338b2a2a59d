namespace NanoTlv.Client
{
    /// <summary>
    /// A BME280 measurement, converted from the wire's integer units: centi-degrees, Pa × 256 and
    /// %RH × 1024, which are kept in the raw properties.
    /// </summary>
    /// <param name="CentiCelsius">Temperature in hundredths of a degree Celsius, as sent.</param>
    /// <param name="PressurePaQ8">Pressure in Pa × 256, as sent.</param>
    /// <param name="HumidityPercentQ10">Relative humidity in % × 1024, as sent.</param>
    public sealed record Bme280Reading(int CentiCelsius, uint PressurePaQ8, uint HumidityPercentQ10)
    {
        private const double PressureScale = 256.0;
        private const double HumidityScale = 1024.0;
        private const double PascalsPerHectopascal = 100.0;

        /// <summary>Temperature in °C.</summary>
        public double TemperatureCelsius => CentiCelsius / 100.0;

        /// <summary>Pressure in Pa.</summary>
        public double PressurePascals => PressurePaQ8 / PressureScale;

        /// <summary>Pressure in hPa.</summary>
        public double PressureHectopascals => PressurePascals / PascalsPerHectopascal;

        /// <summary>Relative humidity in %.</summary>
        public double HumidityPercent => HumidityPercentQ10 / HumidityScale;
    }
}
