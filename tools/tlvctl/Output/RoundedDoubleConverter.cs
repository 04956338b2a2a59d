using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoTlv.Cli.Output
{
    /// <summary>Writes every double of tlvctl's JSON rounded to <see cref="Decimals"/> decimals, so a latency reads
    /// 0.583, not 0.5832999999999999 (a microsecond for milliseconds, finer than any reading tlvctl reports).
    /// NaN and infinities are written as strings, as <see cref="JsonNumberHandling.AllowNamedFloatingPointLiterals"/> does.</summary>
    internal sealed class RoundedDoubleConverter : JsonConverter<double>
    {
        /// <summary>Decimals kept.</summary>
        public const int Decimals = 3;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(Math.Round(value, Decimals, MidpointRounding.AwayFromZero));
            }
            else
            {
                writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
