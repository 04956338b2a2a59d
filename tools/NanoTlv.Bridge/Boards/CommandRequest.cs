using System;
using System.Text.Json;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// A parsed <c>cmd/&lt;name&gt;</c> payload: a JSON object with the request id (<c>"id"</c>) the reply topic is
    /// named after, and the command's arguments beside it: <c>{"id":"r1","pin":4}</c>.
    /// </summary>
    internal sealed class CommandRequest
    {
        /// <summary>Longest request id.</summary>
        public const int MaxIdLength = 64;

        private CommandRequest(string id, JsonElement arguments)
        {
            Id = id;
            Arguments = arguments;
        }

        public string Id { get; }

        public JsonElement Arguments { get; }

        /// <summary>Parses <paramref name="payload"/>; null with <paramref name="error"/> when it has no usable id.</summary>
        public static CommandRequest? Parse(string payload, out string? error)
        {
            error = null;
            JsonElement root;
            try
            {
                using JsonDocument document = JsonDocument.Parse(payload.Length == 0 ? "null" : payload);
                root = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                error = "the command is not valid JSON (" + ex.Message + "); send {\"id\":\"<request-id>\", ...arguments}.";
                return null;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "the command must be a JSON object {\"id\":\"<request-id>\", ...arguments}.";
                return null;
            }

            if (!root.TryGetProperty("id", out JsonElement idElement) || idElement.ValueKind != JsonValueKind.String)
            {
                error = "the command has no \"id\" string; the reply goes to reply/<id>.";
                return null;
            }

            string id = idElement.GetString()!;
            if (id.Length == 0 || id.Length > MaxIdLength || BoardTopics.SanitizeId(id) != id)
            {
                error = "request id '" + SetPayloads.Shorten(id) + "' must be 1.." + MaxIdLength + " letters, digits, '_' or '-'.";
                return null;
            }

            return new CommandRequest(id, root);
        }

        /// <summary>The whole-number argument <paramref name="name"/>.</summary>
        /// <exception cref="ArgumentException">Missing or not a whole number in range.</exception>
        public int Int(string name, int min, int max)
        {
            if (!Arguments.TryGetProperty(name, out JsonElement value))
            {
                throw new ArgumentException("the command needs \"" + name + "\".");
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number) || number < min || number > max)
            {
                throw new ArgumentException("\"" + name + "\" must be a whole number " + min + ".." + max + ", not " + value.GetRawText() + ".");
            }

            return number;
        }

        /// <summary>The level argument <paramref name="name"/> (a string such as "ON", or a boolean).</summary>
        /// <exception cref="ArgumentException">Missing or not a level.</exception>
        public bool Level(string name)
        {
            if (!Arguments.TryGetProperty(name, out JsonElement value))
            {
                throw new ArgumentException("the command needs \"" + name + "\".");
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String:
                    return SetPayloads.ParseLevel(value.GetString()!, out string? error) ?? throw new ArgumentException("\"" + name + "\": " + error);
                default:
                    throw new ArgumentException("\"" + name + "\" must be a level such as \"ON\" or \"OFF\", not " + value.GetRawText() + ".");
            }
        }
    }
}
