using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoTlv.Dashboard.Web
{
    /// <summary>The JSON settings of everything the dashboard sends and accepts: web (camelCase) names, enums as names.</summary>
    internal static class DashboardJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
    }
}
