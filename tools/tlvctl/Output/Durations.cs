using System;
using System.Globalization;
using System.Xml;

namespace NanoTlv.Cli.Output
{
    /// <summary>How tlvctl prints lengths of time: two units a person reads at a glance in text
    /// (<c>1 min 35 s</c>, <c>2 h 03 min</c>), ISO 8601 in JSON (<c>PT1M35S</c>).</summary>
    internal static class Durations
    {
        /// <summary>The largest two units, the second zero-padded: 35 s, 1 min 35 s, 2 h 03 min, 3 d 04 h.</summary>
        /// <param name="duration">The duration (rounded down to whole seconds).</param>
        /// <returns>The text.</returns>
        public static string Format(TimeSpan duration)
        {
            if (duration < TimeSpan.FromMinutes(1))
            {
                return Whole(duration.TotalSeconds) + " s";
            }

            if (duration < TimeSpan.FromHours(1))
            {
                return Whole(duration.TotalMinutes) + " min " + Two(duration.Seconds) + " s";
            }

            return duration < TimeSpan.FromDays(1)
                ? Whole(duration.TotalHours) + " h " + Two(duration.Minutes) + " min"
                : Whole(duration.TotalDays) + " d " + Two(duration.Hours) + " h";
        }

        /// <summary>ISO 8601, e.g. PT1M35.25S, P3DT4H.</summary>
        /// <param name="duration">The duration.</param>
        /// <returns>The text.</returns>
        public static string Iso8601(TimeSpan duration) => XmlConvert.ToString(duration);

        private static string Whole(double value) => Math.Floor(value).ToString("0", CultureInfo.InvariantCulture);

        private static string Two(int value) => value.ToString("00", CultureInfo.InvariantCulture);
    }
}
