using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NanoTlv.Bridge;
using NanoTlv.Cli.Parsing;

namespace NanoTlv.Cli.Bridge
{
    /// <summary>
    /// Parses the boards of <c>tlvctl bridge</c>: a <c>--devices</c> file has one board per line,
    /// <c>host:port key=value ...</c>, where the keys (token, id, inputs, outputs, adc, pwm, bme280, failsafe,
    /// debounce) override the command line's defaults. Blank lines and lines starting with '#' are skipped.
    /// </summary>
    /// <example><code>
    /// # boards.txt
    /// 192.168.1.50:5150 token=kitchen-secret id=kitchen outputs=23,25 inputs=4 adc=34 bme280
    /// 192.168.1.51:5150 token=porch-secret inputs=4,5 failsafe=23:0
    /// </code></example>
    internal static class BoardSpec
    {
        /// <summary>The keys a board line may carry.</summary>
        public static readonly string[] Keys = { "token", "id", "inputs", "outputs", "adc", "pwm", "bme280", "failsafe", "debounce" };

        /// <summary>Parses a <c>--devices</c> file's text.</summary>
        /// <param name="text">The file's contents.</param>
        /// <param name="source">The file name, for messages.</param>
        /// <param name="defaults">Settings of every board unless its line overrides them.</param>
        /// <returns>The boards.</returns>
        /// <exception cref="UsageException">A line is invalid; the message names the file, line and problem.</exception>
        public static IReadOnlyList<BridgeBoard> ParseFile(string text, string source, BridgeBoard defaults)
        {
            var boards = new List<BridgeBoard>();
            string[] lines = text.Split('\n');
            for (int index = 0; index < lines.Length; index++)
            {
                string line = lines[index].Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                try
                {
                    boards.Add(ParseLine(line, defaults));
                }
                catch (UsageException ex)
                {
                    throw new UsageException(source + " line " + (index + 1).ToString(CultureInfo.InvariantCulture) + ": " + ex.Message);
                }
            }

            return boards;
        }

        /// <summary>Parses one board: <c>host:port key=value ...</c>.</summary>
        /// <param name="line">The line.</param>
        /// <param name="defaults">Settings the line does not give.</param>
        /// <returns>The board.</returns>
        /// <exception cref="UsageException">The line is invalid.</exception>
        public static BridgeBoard ParseLine(string line, BridgeBoard defaults)
        {
            string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            DeviceAddress address = DeviceAddress.Parse(words[0]);
            BridgeBoard board = defaults with { Host = address.Host, Port = address.Port };
            foreach (string word in words.Skip(1))
            {
                int equals = word.IndexOf('=', StringComparison.Ordinal);
                string key = equals < 0 ? word : word[..equals];
                string value = equals < 0 ? string.Empty : word[(equals + 1)..];
                board = key switch
                {
                    "token" => board with { Token = NonEmpty(key, value) },
                    "id" => board with { Id = NonEmpty(key, value) },
                    "inputs" => board with { Inputs = ParsePins(key, value) },
                    "outputs" => board with { Outputs = ParsePins(key, value) },
                    "adc" => board with { AnalogPins = ParsePins(key, value) },
                    "pwm" => board with { PwmPins = ParsePins(key, value) },
                    "bme280" => board with { Bme280Address = value.Length == 0 ? 0 : ParseAddress(value) },
                    "failsafe" => board with { Failsafes = ParseFailsafes(value) },
                    "debounce" => board with { DebounceMs = ParseNumber(key, value, 0, ushort.MaxValue) },
                    _ => throw new UsageException("unknown key '" + key + "'; a board line takes " + string.Join(", ", Keys) + "."),
                };
            }

            return board;
        }

        /// <summary>Parses "4,5,23" (an empty text is no pins).</summary>
        /// <param name="name">The setting, for messages.</param>
        /// <param name="text">The list.</param>
        /// <returns>The pins.</returns>
        public static IReadOnlyList<int> ParsePins(string name, string text) =>
            text.Length == 0 ? [] : text.Split(',').Select(pin => ParseNumber(name, pin, 0, byte.MaxValue)).Distinct().ToArray();

        /// <summary>Parses "23:0,25:1" (pin:level).</summary>
        /// <param name="text">The list.</param>
        /// <returns>Pin → high.</returns>
        public static IReadOnlyDictionary<int, bool> ParseFailsafes(string text)
        {
            var failsafes = new Dictionary<int, bool>();
            foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = item.Split(':');
                if (parts.Length != 2 || !ValueParsers.TryParseLevel(parts[1], out bool high))
                {
                    throw new UsageException("failsafe '" + item + "' must be pin:level, e.g. 23:0.");
                }

                failsafes[ParseNumber("failsafe", parts[0], 0, byte.MaxValue)] = high;
            }

            return failsafes;
        }

        /// <summary>Parses an I2C address (0x76, 118).</summary>
        /// <param name="text">The text.</param>
        /// <returns>The address.</returns>
        public static int ParseAddress(string text) =>
            ValueParsers.TryParseI2cAddress(text, out int address) ? address : throw new UsageException("bme280 address '" + text + "' is not an I2C address such as 0x76.");

        private static int ParseNumber(string name, string text, int min, int max)
        {
            if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw new UsageException(name + ": '" + text + "' is not a number " + min + ".." + max + ".");
            }

            return value;
        }

        private static string NonEmpty(string key, string value) =>
            value.Length > 0 ? value : throw new UsageException(key + " needs a value (" + key + "=...).");
    }
}
