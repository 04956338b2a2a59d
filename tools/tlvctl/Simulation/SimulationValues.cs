using System;
using System.Globalization;

namespace NanoTlv.Cli.Simulation
{
    /// <summary>The simulation language's values: times (<c>500ms</c>, <c>1.5s</c>, <c>2min</c>), voltages
    /// (<c>1650mV</c>, <c>1.65V</c>, a bare number is millivolts) and plain decimal numbers.</summary>
    internal static class SimulationValues
    {
        /// <summary>hPa to Pa.</summary>
        public const double PascalsPerHectopascal = 100;

        private const int MillivoltsPerVolt = 1000;

        /// <summary>Parses a time with its unit: ms, s or min.</summary>
        /// <param name="text">The text.</param>
        /// <param name="time">The time.</param>
        /// <returns>Whether the text is such a time (not negative).</returns>
        public static bool TryParseTime(string text, out TimeSpan time)
        {
            time = TimeSpan.Zero;
            (string number, double unitMs) = Split(text, ("ms", 1), ("min", 60_000), ("s", 1000));
            if (unitMs == 0 || !TryParseNumber(number, out double value) || value < 0 || value * unitMs > int.MaxValue)
            {
                return false;
            }

            time = TimeSpan.FromMilliseconds(Math.Round(value * unitMs));
            return true;
        }

        /// <summary>Parses a voltage: <c>1650mV</c>, <c>1.65V</c>, or a bare number of millivolts.</summary>
        /// <param name="text">The text.</param>
        /// <param name="defaultUnitMillivolts">Millivolts of one unit when the text has none (1: mV, 1000: V).</param>
        /// <param name="millivolts">The voltage, rounded to whole millivolts.</param>
        /// <returns>Whether the text is a voltage.</returns>
        public static bool TryParseVoltage(string text, double defaultUnitMillivolts, out int millivolts)
        {
            millivolts = 0;
            (string number, double unit) = Split(text, ("mv", 1), ("v", MillivoltsPerVolt));
            if (!TryParseNumber(number, out double value))
            {
                return false;
            }

            double scaled = Math.Round(value * (unit == 0 ? defaultUnitMillivolts : unit));
            if (scaled < int.MinValue || scaled > int.MaxValue)
            {
                return false;
            }

            millivolts = (int)scaled;
            return true;
        }

        /// <summary>The unit's millivolts when <paramref name="text"/> ends with mV or V, else 0.</summary>
        /// <param name="text">A voltage.</param>
        /// <returns>1, 1000 or 0.</returns>
        public static double UnitOf(string text) => Split(text, ("mv", 1), ("v", MillivoltsPerVolt)).Unit;

        /// <summary>Parses a decimal number with an optional sign (invariant culture).</summary>
        /// <param name="text">The text.</param>
        /// <param name="value">The number.</param>
        /// <returns>Whether the text is a finite number.</returns>
        public static bool TryParseNumber(string text, out double value) =>
            double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

        /// <summary>A time as the language writes it: 500ms, 2s, 1.5s.</summary>
        /// <param name="time">The time.</param>
        /// <returns>The text.</returns>
        public static string FormatTime(TimeSpan time) => time.TotalMilliseconds % 1000 == 0
            ? Format(time.TotalSeconds) + "s"
            : time.TotalMilliseconds < 1000 ? Format(time.TotalMilliseconds) + "ms" : Format(time.TotalSeconds) + "s";

        /// <summary>A number in invariant culture, without needless digits.</summary>
        /// <param name="value">The number.</param>
        /// <returns>The text.</returns>
        public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

        /// <summary>Splits a trailing unit (case-insensitive, tried in order) from the number before it.</summary>
        private static (string Number, double Unit) Split(string text, params (string Suffix, double Unit)[] units)
        {
            string value = text.Trim();
            foreach ((string suffix, double unit) in units)
            {
                if (value.Length > suffix.Length && value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return (value[..^suffix.Length].TrimEnd(), unit);
                }
            }

            return (value, 0);
        }
    }
}
