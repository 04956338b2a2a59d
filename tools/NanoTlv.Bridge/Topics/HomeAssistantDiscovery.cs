using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// Builds the Home Assistant MQTT discovery configs of one board, so it appears in Home Assistant with no
    /// hand configuration: a <c>switch</c> per output, a <c>binary_sensor</c> per input, a <c>sensor</c> per ADC pin
    /// and three for a BME280. All share one HA device and the board's availability topic.
    /// </summary>
    public static class HomeAssistantDiscovery
    {
        /// <summary>The device's manufacturer in Home Assistant.</summary>
        public const string Manufacturer = "NanoTlv";

        /// <summary>The device's model in Home Assistant.</summary>
        public const string Model = "ESP32 with .NET nanoFramework";

        /// <summary>The configs of a board.</summary>
        /// <param name="discoveryPrefix">Home Assistant's discovery prefix (<c>homeassistant</c>).</param>
        /// <param name="topics">The board's topics.</param>
        /// <param name="board">What the bridge serves on the board.</param>
        /// <param name="adcChannels">The ADC channel of each of <see cref="BridgeBoard.AnalogPins"/> (pin → channel).</param>
        /// <param name="firmwareVersion">The board's firmware version (HELLO), shown as the device's software version.</param>
        /// <returns>The configs, in a stable order.</returns>
        public static IReadOnlyList<DiscoveryConfig> For(string discoveryPrefix, BoardTopics topics, BridgeBoard board, IReadOnlyDictionary<int, int> adcChannels, string firmwareVersion)
        {
            ArgumentNullException.ThrowIfNull(topics);
            ArgumentNullException.ThrowIfNull(board);
            ArgumentNullException.ThrowIfNull(adcChannels);
            var configs = new List<DiscoveryConfig>();
            string id = topics.BoardId;
            foreach (int pin in board.Outputs)
            {
                JsonObject json = Entity(topics, firmwareVersion, "gpio" + Number(pin), "GPIO " + Number(pin));
                json["state_topic"] = topics.GpioState(pin);
                json["command_topic"] = topics.SetGpio(pin);
                json["payload_on"] = BoardTopics.On;
                json["payload_off"] = BoardTopics.Off;
                json["qos"] = 1;
                configs.Add(Config(discoveryPrefix, "switch", id, "gpio" + Number(pin), json));
            }

            foreach (int pin in board.Inputs)
            {
                JsonObject json = Entity(topics, firmwareVersion, "gpio" + Number(pin), "GPIO " + Number(pin));
                json["state_topic"] = topics.GpioState(pin);
                json["payload_on"] = BoardTopics.On;
                json["payload_off"] = BoardTopics.Off;
                configs.Add(Config(discoveryPrefix, "binary_sensor", id, "gpio" + Number(pin), json));
            }

            foreach (int pin in board.AnalogPins)
            {
                int channel = adcChannels[pin];
                string thing = "adc" + Number(channel);
                JsonObject json = Entity(topics, firmwareVersion, thing, "ADC " + Number(channel) + " (GPIO " + Number(pin) + ")");
                json["state_topic"] = topics.AdcState(channel);
                json["value_template"] = "{{ value_json.millivolts }}";
                json["unit_of_measurement"] = "mV";
                json["device_class"] = "voltage";
                json["state_class"] = "measurement";
                configs.Add(Config(discoveryPrefix, "sensor", id, thing, json));
            }

            if (board.Bme280Address is not null)
            {
                configs.Add(Bme280Sensor(discoveryPrefix, topics, firmwareVersion, "temperature", "Temperature", "temperature_c", "°C"));
                configs.Add(Bme280Sensor(discoveryPrefix, topics, firmwareVersion, "pressure", "Pressure", "pressure_hpa", "hPa"));
                configs.Add(Bme280Sensor(discoveryPrefix, topics, firmwareVersion, "humidity", "Humidity", "humidity_percent", "%"));
            }

            return configs;
        }

        private static DiscoveryConfig Bme280Sensor(string prefix, BoardTopics topics, string firmwareVersion, string deviceClass, string name, string field, string unit)
        {
            string thing = "bme280_" + deviceClass;
            JsonObject json = Entity(topics, firmwareVersion, thing, "BME280 " + name);
            json["state_topic"] = topics.Bme280State;
            json["value_template"] = "{{ value_json." + field + " }}";
            json["unit_of_measurement"] = unit;
            json["device_class"] = deviceClass;
            json["state_class"] = "measurement";
            return Config(prefix, "sensor", topics.BoardId, thing, json);
        }

        private static JsonObject Entity(BoardTopics topics, string firmwareVersion, string thing, string name) => new()
        {
            ["name"] = name,
            ["unique_id"] = BridgeOptions.DefaultTopicPrefix + "_" + topics.BoardId + "_" + thing,
            ["availability_topic"] = topics.Availability,
            ["payload_available"] = BoardTopics.Online,
            ["payload_not_available"] = BoardTopics.Offline,
            ["device"] = new JsonObject
            {
                ["identifiers"] = new JsonArray(BridgeOptions.DefaultTopicPrefix + "_" + topics.BoardId),
                ["name"] = topics.BoardId,
                ["manufacturer"] = Manufacturer,
                ["model"] = Model,
                ["sw_version"] = firmwareVersion,
            },
        };

        private static DiscoveryConfig Config(string prefix, string component, string boardId, string thing, JsonObject json) =>
            new(prefix + "/" + component + "/" + boardId + "_" + thing + "/config", json.ToJsonString());

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
