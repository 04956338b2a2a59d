using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoTlv.Cli.Output
{
    /// <summary>The one JSON style of tlvctl: camelCase names, enums as strings, numbers with a fraction rounded to
    /// <see cref="RoundedDoubleConverter.Decimals"/> decimals, one document per line.</summary>
    internal static class JsonOutput
    {
        public static JsonSerializerOptions Options { get; } = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new RoundedDoubleConverter() },
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };

        public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);
    }
}
