using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Client;
using NanoTlv.Messages;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// The commands of <c>cmd/&lt;name&gt;</c>: each maps to one <see cref="TlvClient"/> call and returns its result
    /// as JSON. Commands that drive a pin accept only the board's configured outputs.
    /// </summary>
    internal static class BoardCommands
    {
        /// <summary>The command names, for the docs and error messages.</summary>
        public static readonly IReadOnlyList<string> Names = ["info", "ping", "caps", "read_gpio", "toggle", "pulse", "adc", "bme280", "temperature", "i2c_scan"];

        /// <summary>Runs command <paramref name="name"/>.</summary>
        /// <exception cref="ArgumentException">Unknown command or bad arguments.</exception>
        /// <exception cref="DeviceException">The board refused.</exception>
        public static async Task<JsonNode?> ExecuteAsync(TlvClient client, BridgeBoard board, string name, CommandRequest request, CancellationToken cancellationToken)
        {
            switch (name)
            {
                case "info":
                    DeviceInfo info = await client.InfoAsync(null, cancellationToken).ConfigureAwait(false);
                    return new JsonObject
                    {
                        ["uptime_ms"] = info.UptimeMs,
                        ["free_memory_bytes"] = info.FreeMemoryBytes,
                        ["total_memory_bytes"] = info.TotalMemoryBytes,
                        ["frames_received"] = info.FramesReceived,
                        ["frames_sent"] = info.FramesSent,
                        ["error_replies"] = info.ErrorReplies,
                        ["clients"] = info.Clients,
                        ["max_clients"] = info.MaxClients,
                    };
                case "ping":
                    TimeSpan roundTrip = await client.PingAsync(default, null, cancellationToken).ConfigureAwait(false);
                    return new JsonObject { ["round_trip_ms"] = Math.Round(roundTrip.TotalMilliseconds, 3) };
                case "caps":
                    DeviceCaps caps = await client.CapsAsync(null, cancellationToken).ConfigureAwait(false);
                    return new JsonArray(caps.Pins.Select(c => (JsonNode)new JsonObject
                    {
                        ["pin"] = c.Pin,
                        ["capabilities"] = c.Capabilities.ToString(),
                        ["adc_channel"] = c.AdcChannel,
                    }).ToArray());
                case "read_gpio":
                    int readPin = request.Int("pin", 0, byte.MaxValue);
                    bool level = await client.DigitalReadAsync(readPin, null, cancellationToken).ConfigureAwait(false);
                    return new JsonObject { ["pin"] = readPin, ["state"] = StatePayloads.Level(level) };
                case "toggle":
                    int togglePin = Output(board, request);
                    bool toggled = await client.DigitalToggleAsync(togglePin, null, cancellationToken).ConfigureAwait(false);
                    return new JsonObject { ["pin"] = togglePin, ["state"] = StatePayloads.Level(toggled) };
                case "pulse":
                    int pulsePin = Output(board, request);
                    bool high = request.Level("state");
                    int durationMs = request.Int("ms", 1, ProtocolLimits.MaxPulseMs);
                    await client.PulseAsync(pulsePin, high, durationMs, null, cancellationToken).ConfigureAwait(false);
                    return new JsonObject { ["pin"] = pulsePin, ["state"] = StatePayloads.Level(high), ["ms"] = durationMs };
                case "adc":
                    int adcPin = request.Int("pin", 0, byte.MaxValue);
                    AnalogReading reading = await client.AnalogReadAsync(adcPin, null, cancellationToken).ConfigureAwait(false);
                    return new JsonObject { ["pin"] = adcPin, ["raw"] = reading.Raw, ["millivolts"] = reading.Millivolts };
                case "bme280":
                    return StatePayloads.Bme280Node(await client.ReadBme280Async(board.Bme280Address ?? 0, null, cancellationToken).ConfigureAwait(false));
                case "temperature":
                    double celsius = await client.ReadInternalTemperatureAsync(null, cancellationToken).ConfigureAwait(false);
                    return new JsonObject { ["temperature_c"] = celsius };
                case "i2c_scan":
                    IReadOnlyList<int> addresses = await client.I2cScanAsync(null, cancellationToken).ConfigureAwait(false);
                    return new JsonObject { ["addresses"] = new JsonArray(addresses.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()) };
                default:
                    throw new ArgumentException("unknown command '" + SetPayloads.Shorten(name) + "'; commands: " + string.Join(", ", Names) + ".");
            }
        }

        private static int Output(BridgeBoard board, CommandRequest request)
        {
            int pin = request.Int("pin", 0, byte.MaxValue);
            if (!board.Outputs.Contains(pin))
            {
                throw new ArgumentException("GPIO " + pin + " is not one of this board's outputs (" + PinList(board.Outputs) + ").");
            }

            return pin;
        }

        internal static string PinList(IReadOnlyList<int> pins) => pins.Count == 0 ? "none configured" : string.Join(", ", pins);
    }
}
