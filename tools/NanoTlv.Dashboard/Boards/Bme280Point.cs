namespace NanoTlv.Dashboard.Boards
{
    /// <summary>One BME280 reading for the chart.</summary>
    /// <param name="TimeMs">Host time of the reading, Unix milliseconds.</param>
    /// <param name="TemperatureCelsius">Temperature in °C.</param>
    /// <param name="PressureHectopascals">Pressure in hPa.</param>
    /// <param name="HumidityPercent">Relative humidity in %.</param>
    public sealed record Bme280Point(long TimeMs, double TemperatureCelsius, double PressureHectopascals, double HumidityPercent);
}
