using System;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Cli.Simulation
{
    /// <summary><c>bme280 temp=C,humidity=%,pressure=hPa</c>: what the simulated BME280 measures; a value left
    /// out keeps its current one.</summary>
    internal sealed class Bme280Action : SimulationAction
    {
        private readonly double? _temperatureCelsius;
        private readonly double? _humidityPercent;
        private readonly double? _pressurePa;

        public Bme280Action(double? temperatureCelsius, double? humidityPercent, double? pressurePa)
        {
            _temperatureCelsius = temperatureCelsius;
            _humidityPercent = humidityPercent;
            _pressurePa = pressurePa;
        }

        public override void Apply(VirtualBoard board, TimeSpan elapsed) =>
            board.SetEnvironment(
                _temperatureCelsius ?? board.Bme280.TemperatureCelsius,
                _pressurePa ?? board.Bme280.PressurePa,
                _humidityPercent ?? board.Bme280.HumidityPercent);

        public override string ToString()
        {
            string text = "bme280";
            string separator = " ";
            if (_temperatureCelsius is double temperature)
            {
                text += separator + "temp=" + SimulationValues.Format(temperature);
                separator = ",";
            }

            if (_humidityPercent is double humidity)
            {
                text += separator + "humidity=" + SimulationValues.Format(humidity);
                separator = ",";
            }

            if (_pressurePa is double pressure)
            {
                text += separator + "pressure=" + SimulationValues.Format(pressure / SimulationValues.PascalsPerHectopascal);
            }

            return text;
        }
    }
}
