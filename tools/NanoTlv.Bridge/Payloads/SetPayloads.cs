using System;
using System.Globalization;
using System.Text.Json;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// Parses the payloads of <c>set/gpio/&lt;pin&gt;</c> and <c>set/pwm/&lt;pin&gt;</c>. Each parser returns null
    /// and an error naming the problem for anything it does not accept, so nothing is sent to the board.
    /// </summary>
    public static class SetPayloads
    {
        /// <summary>PWM frequency used when a payload gives only a duty and the pin has none yet.</summary>
        public const int DefaultPwmFrequencyHz = 1000;

        private const string LevelWords = "ON, OFF, 1, 0, true, false, high or low";

        /// <summary>Parses a level: ON/OFF, 1/0, true/false, high/low (any case, surrounding blanks ignored).</summary>
        /// <param name="payload">The payload text.</param>
        /// <param name="error">Why the payload is refused, when it is.</param>
        /// <returns>True for high, false for low, null when refused.</returns>
        public static bool? ParseLevel(string payload, out string? error)
        {
            ArgumentNullException.ThrowIfNull(payload);
            error = null;
            switch (payload.Trim().ToUpperInvariant())
            {
                case "ON" or "1" or "TRUE" or "HIGH":
                    return true;
                case "OFF" or "0" or "FALSE" or "LOW":
                    return false;
                default:
                    error = "'" + Shorten(payload) + "' is not a level; send " + LevelWords + ".";
                    return null;
            }
        }

        /// <summary>
        /// Parses a PWM request: <c>OFF</c> (stop), a duty in percent (<c>37.5</c>, at the pin's last frequency or
        /// <see cref="DefaultPwmFrequencyHz"/>), or JSON <c>{"duty":37.5,"frequency":2000}</c> (frequency optional).
        /// </summary>
        /// <param name="payload">The payload text.</param>
        /// <param name="currentFrequencyHz">The pin's frequency now, used when the payload gives none.</param>
        /// <param name="error">Why the payload is refused, when it is.</param>
        /// <returns>The request, or null when refused.</returns>
        public static PwmRequest? ParsePwm(string payload, int currentFrequencyHz, out string? error)
        {
            ArgumentNullException.ThrowIfNull(payload);
            error = null;
            string text = payload.Trim();
            if (text.Equals("OFF", StringComparison.OrdinalIgnoreCase) || text.Equals("STOP", StringComparison.OrdinalIgnoreCase))
            {
                return new PwmRequest(true, 0, 0);
            }

            if (text.StartsWith('{'))
            {
                return ParsePwmJson(text, currentFrequencyHz, out error);
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double duty))
            {
                error = "'" + Shorten(payload) + "' is not a PWM setting; send OFF, a duty 0..100 or {\"duty\":50,\"frequency\":1000}.";
                return null;
            }

            return Checked(duty, currentFrequencyHz, out error);
        }

        private static PwmRequest? ParsePwmJson(string text, int currentFrequencyHz, out string? error)
        {
            error = null;
            double? duty = null;
            int frequency = currentFrequencyHz;
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "duty" when property.Value.ValueKind == JsonValueKind.Number:
                            duty = property.Value.GetDouble();
                            break;
                        case "frequency" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out int hz):
                            frequency = hz;
                            break;
                        case "duty" or "frequency":
                            error = "\"" + property.Name + "\" must be " + (property.Name == "duty" ? "a number 0..100" : "a whole number of hertz") + ", not " + property.Value.GetRawText() + ".";
                            return null;
                        default:
                            error = "unknown field \"" + property.Name + "\"; a PWM setting has \"duty\" and \"frequency\".";
                            return null;
                    }
                }
            }
            catch (JsonException ex)
            {
                error = "the PWM setting is not valid JSON: " + ex.Message;
                return null;
            }

            if (duty is null)
            {
                error = "the PWM setting has no \"duty\".";
                return null;
            }

            return Checked(duty.Value, frequency, out error);
        }

        private static PwmRequest? Checked(double duty, int frequencyHz, out string? error)
        {
            error = null;
            if (!(duty >= 0 && duty <= 100))
            {
                error = "duty " + duty.ToString(CultureInfo.InvariantCulture) + " is out of range; it is 0..100 %.";
                return null;
            }

            if (frequencyHz < 1)
            {
                error = "frequency " + frequencyHz.ToString(CultureInfo.InvariantCulture) + " Hz is out of range; it is at least 1 Hz.";
                return null;
            }

            return new PwmRequest(false, frequencyHz, duty);
        }

        internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }
}
