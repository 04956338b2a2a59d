using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Parsing
{
    /// <summary>Factories of the arguments several commands share, with their parsing and checks.</summary>
    internal static class CliArguments
    {
        private const string PinRangeError = "Pin {0} is out of range; pins are 0..255.";

        public static Argument<int> Pin(string description = "GPIO number (0..255)")
        {
            var pin = new Argument<int>("pin") { Description = description };
            NumberParsers.Int(pin, 0, byte.MaxValue, PinRangeError);
            return pin;
        }

        public static Argument<int[]> Pins()
        {
            var pins = new Argument<int[]>("pins") { Description = "GPIO numbers (0..255)", Arity = ArgumentArity.OneOrMore, HelpName = "pin" };
            NumberParsers.Ints(pins, 0, byte.MaxValue, PinRangeError);
            return pins;
        }

        /// <summary>An option taking GPIO numbers separated by commas or spaces, or repeated
        /// (<c>--inputs 4,5</c>, <c>--inputs 4 5</c>, <c>--inputs 4 --inputs 5</c>).</summary>
        public static Option<int[]> PinsOption(string name, string description)
        {
            return new Option<int[]>(name)
            {
                Description = description,
                HelpName = "pins",
                AllowMultipleArgumentsPerToken = true,
                DefaultValueFactory = _ => [],
                CustomParser = ParsePinList,
            };
        }

        public static Argument<bool> Level(string name = "level", string description = "0 or low, 1 or high")
        {
            return new Argument<bool>(name)
            {
                Description = description,
                HelpName = "0|1|low|high",
                CustomParser = result =>
                {
                    string token = result.Tokens[0].Value;
                    if (ValueParsers.TryParseLevel(token, out bool high))
                    {
                        return high;
                    }

                    result.AddError("'" + token + "' is not a level; use 0, 1, low or high.");
                    return false;
                },
            };
        }

        public static Argument<int> I2cAddress()
        {
            return new Argument<int>("addr")
            {
                Description = "7-bit I2C address (0x08..0x77 or 8..119)",
                CustomParser = result =>
                {
                    TryParseAddress(result, out int address);
                    return address;
                },
            };
        }

        /// <summary>A sensor by its catalogue name (<see cref="MessageCatalog.Sensors"/>); an unknown name is an error that
        /// lists the known ones.</summary>
        public static Argument<SensorKind> Sensor()
        {
            return new Argument<SensorKind>("sensor")
            {
                Description = "The sensor: " + string.Join(", ", SensorNames()),
                HelpName = string.Join('|', SensorNames()),
                CustomParser = result =>
                {
                    string token = result.Tokens[0].Value;
                    foreach (SensorKind kind in MessageCatalog.Sensors)
                    {
                        if (string.Equals(MessageCatalog.SensorNameOf((byte)kind), token, StringComparison.OrdinalIgnoreCase))
                        {
                            return kind;
                        }
                    }

                    result.AddError("'" + token + "' is not a sensor; known sensors: " + string.Join(", ", SensorNames()) + ".");
                    return default;
                },
            };
        }

        /// <summary>--address of an I2C sensor (0x08..0x77); null when not given.</summary>
        public static Option<int?> SensorAddressOption()
        {
            return new Option<int?>("--address")
            {
                Description = "The sensor's I2C address; default: the one the board lists in CAPS, else the catalogue's",
                HelpName = "addr",
                CustomParser = result =>
                {
                    TryParseAddress(result, out int address);
                    return address;
                },
            };
        }

        public static Argument<byte[]> HexBytes(string name, string description)
        {
            return new Argument<byte[]>(name)
            {
                Description = description,
                HelpName = "hexbytes",
                Arity = ArgumentArity.ExactlyOne,
                CustomParser = result =>
                {
                    string token = result.Tokens[0].Value;
                    if (ValueParsers.TryParseHexBytes(token, out byte[] bytes))
                    {
                        return bytes;
                    }

                    result.AddError("'" + token + "' is not hex bytes; write e.g. 0a1b2c or 0a:1b:2c.");
                    return [];
                },
            };
        }

        public static Argument<int> Count(string name, string description, int min, int max)
        {
            var count = new Argument<int>(name) { Description = description };
            NumberParsers.Int(count, min, max);
            return count;
        }

        private static string[] SensorNames() =>
            Array.ConvertAll(MessageCatalog.Sensors, kind => MessageCatalog.SensorNameOf((byte)kind));

        private static int[] ParsePinList(ArgumentResult result)
        {
            var pins = new System.Collections.Generic.List<int>();
            foreach (Token token in result.Tokens)
            {
                foreach (string part in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pin))
                    {
                        result.AddError("'" + part + "' is not a pin number; give GPIO numbers such as 4,5.");
                        return [];
                    }

                    if (pin > byte.MaxValue)
                    {
                        result.AddError(string.Format(System.Globalization.CultureInfo.InvariantCulture, PinRangeError, pin));
                    }

                    pins.Add(pin);
                }
            }

            return pins.ToArray();
        }

        /// <returns>False when the token is not an address of 0x08..0x77 (the error is added to <paramref name="result"/>).</returns>
        private static bool TryParseAddress(ArgumentResult result, out int address)
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (!ValueParsers.TryParseI2cAddress(token, out address))
            {
                result.AddError("'" + token + "' is not a 7-bit I2C address; use 0x08..0x77 or 8..119.");
                return false;
            }

            if (address < ProtocolLimits.FirstI2cAddress || address > ProtocolLimits.LastI2cAddress)
            {
                result.AddError(
                    "I2C address " + ValueParsers.FormatAddress(address) + " is reserved by the I2C specification; use " +
                    ValueParsers.FormatAddress(ProtocolLimits.FirstI2cAddress) + ".." + ValueParsers.FormatAddress(ProtocolLimits.LastI2cAddress) + ".");
                return false;
            }

            return true;
        }
    }
}
