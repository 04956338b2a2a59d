using System;
using System.Text.Json.Nodes;
using NanoTlv.Client;

namespace NanoTlv.Bridge
{
    /// <summary>The JSON documents the bridge publishes (docs/mqtt.md shows each with an example).</summary>
    public static class StatePayloads
    {
        /// <summary><see cref="BoardTopics.On"/> or <see cref="BoardTopics.Off"/>.</summary>
        /// <param name="high">The level.</param>
        /// <returns>The payload.</returns>
        public static string Level(bool high) => high ? BoardTopics.On : BoardTopics.Off;

        /// <summary><c>{"pin":4,"state":"ON","device_ms":81234}</c>: one input change.</summary>
        /// <param name="change">The board's event.</param>
        /// <returns>The JSON text.</returns>
        public static string PinChanged(PinChangedEvent change)
        {
            ArgumentNullException.ThrowIfNull(change);
            return new JsonObject
            {
                ["pin"] = change.Pin,
                ["state"] = Level(change.High),
                ["device_ms"] = change.DeviceTimestampMs,
            }.ToJsonString();
        }

        /// <summary><c>{"pin":34,"channel":6,"raw":2048,"millivolts":1650}</c>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="channel">Its ADC channel.</param>
        /// <param name="reading">The reading.</param>
        /// <returns>The JSON text.</returns>
        public static string Analog(int pin, int channel, AnalogReading reading) => AnalogNode(pin, channel, reading).ToJsonString();

        /// <summary><c>{"temperature_c":21.5,"pressure_hpa":1013.25,"humidity_percent":45.2}</c>.</summary>
        /// <param name="reading">The reading.</param>
        /// <returns>The JSON text.</returns>
        public static string Bme280(Bme280Reading reading) => Bme280Node(reading).ToJsonString();

        /// <summary><c>{"running":true,"frequency_hz":1000,"duty_percent":25}</c> or <c>{"running":false}</c>.</summary>
        /// <param name="request">What the PWM output now does.</param>
        /// <returns>The JSON text.</returns>
        public static string Pwm(PwmRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            var json = new JsonObject { ["running"] = !request.Stop };
            if (!request.Stop)
            {
                json["frequency_hz"] = request.FrequencyHz;
                json["duty_percent"] = request.DutyPercent;
            }

            return json.ToJsonString();
        }

        /// <summary><c>{"topic":"...","payload":"...","error":"..."}</c>: a request the bridge refused.</summary>
        /// <param name="topic">The request's topic.</param>
        /// <param name="payload">The request's payload text.</param>
        /// <param name="error">What was wrong.</param>
        /// <returns>The JSON text.</returns>
        public static string Error(string topic, string payload, string error) =>
            new JsonObject { ["topic"] = topic, ["payload"] = payload, ["error"] = error }.ToJsonString();

        /// <summary><c>{"id":"r1","ok":true,"result":{...}}</c>.</summary>
        /// <param name="requestId">The command's id.</param>
        /// <param name="result">The command's result (null for none).</param>
        /// <returns>The JSON text.</returns>
        public static string ReplyOk(string requestId, JsonNode? result) =>
            new JsonObject { ["id"] = requestId, ["ok"] = true, ["result"] = result }.ToJsonString();

        /// <summary><c>{"id":"r1","ok":false,"error":"..."}</c>.</summary>
        /// <param name="requestId">The command's id.</param>
        /// <param name="error">Why it failed.</param>
        /// <returns>The JSON text.</returns>
        public static string ReplyError(string requestId, string error) =>
            new JsonObject { ["id"] = requestId, ["ok"] = false, ["error"] = error }.ToJsonString();

        internal static JsonObject AnalogNode(int pin, int channel, AnalogReading reading)
        {
            ArgumentNullException.ThrowIfNull(reading);
            return new JsonObject
            {
                ["pin"] = pin,
                ["channel"] = channel,
                ["raw"] = reading.Raw,
                ["millivolts"] = reading.Millivolts,
            };
        }

        internal static JsonObject Bme280Node(Bme280Reading reading)
        {
            ArgumentNullException.ThrowIfNull(reading);
            return new JsonObject
            {
                ["temperature_c"] = reading.TemperatureCelsius,
                ["pressure_hpa"] = Math.Round(reading.PressureHectopascals, 2),
                ["humidity_percent"] = Math.Round(reading.HumidityPercent, 2),
            };
        }
    }
}
