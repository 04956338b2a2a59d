using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Parsing
{
    /// <summary>Factories of the arguments several commands share, with their parsing and checks.</summary>
    internal static class CliArguments
    {
        public static Argument<int> Pin(string description = "GPIO number (0..255)")
        {
            var pin = new Argument<int>("pin") { Description = description };
            pin.Validators.Add(CheckPin);
            return pin;
        }

        public static Argument<int[]> Pins()
        {
            var pins = new Argument<int[]>("pins") { Description = "GPIO numbers (0..255)", Arity = ArgumentArity.OneOrMore, HelpName = "pin" };
            pins.Validators.Add(result => CheckPins(result.GetValueOrDefault<int[]>(), result.AddError));
            return pins;
        }

        /// <summary>An option taking GPIO numbers separated by commas or spaces, or repeated
        /// (<c>--inputs 4,5</c>, <c>--inputs 4 5</c>, <c>--inputs 4 --inputs 5</c>).</summary>
        public static Option<int[]> PinsOption(string name, string description)
        {
            var pins = new Option<int[]>(name)
            {
                Description = description,
                HelpName = "pins",
                AllowMultipleArgumentsPerToken = true,
                DefaultValueFactory = _ => [],
                CustomParser = ParsePinList,
            };
            return pins;
        }

        public static Argument<bool> Level(string name = "level", string description = "0 (low) or 1 (high)")
        {
            return new Argument<bool>(name)
            {
                Description = description,
                HelpName = "0|1",
                CustomParser = result =>
                {
                    string token = result.Tokens[0].Value;
                    if (ValueParsers.TryParseLevel(token, out bool high))
                    {
                        return high;
                    }

                    result.AddError("'" + token + "' is not a level; use 0 or 1.");
                    return false;
                },
            };
        }

        public static Argument<int> I2cAddress()
        {
            return new Argument<int>("addr")
            {
                Description = "7-bit I2C address (0x08..0x77 or 8..119)",
                CustomParser = result => ParseAddress(result),
            };
        }

        public static Option<int> I2cAddressOption(string name, string description)
        {
            return new Option<int>(name)
            {
                Description = description,
                HelpName = "addr",
                CustomParser = result => ParseAddress(result),
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
            count.Validators.Add(result =>
            {
                int value = result.GetValueOrDefault<int>();
                if (value < min || value > max)
                {
                    result.AddError(name + " must be " + min + ".." + max + "; got " + value + ".");
                }
            });
            return count;
        }

        public static void CheckRange(Option<int> option, int min, int max)
        {
            option.Validators.Add(result =>
            {
                int value = result.GetValueOrDefault<int>();
                if (value < min || value > max)
                {
                    result.AddError(option.Name + " must be " + min + ".." + max + "; got " + value + ".");
                }
            });
        }

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

                    pins.Add(pin);
                }
            }

            // Range errors are reported here: a validator would read the value of a list that failed to parse.
            CheckPins(pins.ToArray(), result.AddError);
            return pins.ToArray();
        }

        private static void CheckPins(int[]? pins, Action<string> addError)
        {
            foreach (int pin in pins ?? [])
            {
                if (pin < 0 || pin > byte.MaxValue)
                {
                    addError("Pin " + pin + " is out of range; pins are 0..255.");
                }
            }
        }

        private static void CheckPin(ArgumentResult result)
        {
            int pin = result.GetValueOrDefault<int>();
            if (pin < 0 || pin > byte.MaxValue)
            {
                result.AddError("Pin " + pin + " is out of range; pins are 0..255.");
            }
        }

        private static int ParseAddress(ArgumentResult result)
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (ValueParsers.TryParseI2cAddress(token, out int address) && address >= MessageLayout.FirstI2cAddress && address <= MessageLayout.LastI2cAddress)
            {
                return address;
            }

            if (ValueParsers.TryParseI2cAddress(token, out address))
            {
                result.AddError(
                    "I2C address " + ValueParsers.FormatAddress(address) + " is reserved by the I2C specification; use " +
                    ValueParsers.FormatAddress(MessageLayout.FirstI2cAddress) + ".." + ValueParsers.FormatAddress(MessageLayout.LastI2cAddress) + ".");
                return 0;
            }

            result.AddError("'" + token + "' is not a 7-bit I2C address; use 0x08..0x77 or 8..119.");
            return 0;
        }
    }
}
