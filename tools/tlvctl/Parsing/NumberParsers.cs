using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NanoTlv.Cli.Parsing
{
    /// <summary>
    /// Parsers of numeric arguments and options that check the text and the range in one place, so junk and
    /// out-of-range values are both parse errors (exit 2) and nothing later asks for a value that did not parse.
    /// <see cref="InstallOn"/> gives every numeric symbol of the tree without a parser of its own the full range of
    /// its type; <see cref="Int(Option{int}, int, int, string?)"/> and friends set a narrower one.
    /// </summary>
    internal static class NumberParsers
    {
        /// <summary>Gives every int, int?, int[], double and double? argument and option below <paramref name="command"/>
        /// (itself included) that has no parser a parser that reports junk as a parse error.</summary>
        /// <param name="command">The root of the tree.</param>
        public static void InstallOn(Command command)
        {
            foreach (Option option in command.Options)
            {
                switch (option)
                {
                    case Option<int> whole when whole.CustomParser is null:
                        Int(whole, int.MinValue, int.MaxValue);
                        break;
                    case Option<int?> optional when optional.CustomParser is null:
                        Int(optional, int.MinValue, int.MaxValue);
                        break;
                    case Option<double> real when real.CustomParser is null:
                        Double(real, double.MinValue, double.MaxValue);
                        break;
                    case Option<double?> optional when optional.CustomParser is null:
                        optional.CustomParser = result => result.Tokens.Count == 0 ? null : ParseDouble(result, optional.Name, double.MinValue, double.MaxValue, null);
                        break;
                }
            }

            foreach (Argument argument in command.Arguments)
            {
                switch (argument)
                {
                    case Argument<int> whole when whole.CustomParser is null:
                        Int(whole, int.MinValue, int.MaxValue);
                        break;
                    case Argument<int[]> list when list.CustomParser is null:
                        Ints(list, int.MinValue, int.MaxValue, null);
                        break;
                }
            }

            foreach (Command subcommand in command.Subcommands)
            {
                InstallOn(subcommand);
            }
        }

        /// <summary>Parses the option as a whole number in <paramref name="min"/>..<paramref name="max"/>.</summary>
        /// <param name="option">The option.</param>
        /// <param name="min">Smallest value.</param>
        /// <param name="max">Largest value.</param>
        /// <param name="rangeError">The error for an out-of-range value; null for "NAME must be MIN..MAX; got V."</param>
        public static void Int(Option<int> option, int min, int max, string? rangeError = null) =>
            option.CustomParser = result => result.Tokens.Count == 0
                ? (option.DefaultValueFactory is null ? 0 : option.DefaultValueFactory(result))
                : ParseInt(result, result.Tokens[0].Value, option.Name, min, max, rangeError);

        /// <summary>Parses the optional option, when given, as a whole number in <paramref name="min"/>..<paramref name="max"/>.</summary>
        /// <param name="option">The option; null when not given.</param>
        /// <param name="min">Smallest value.</param>
        /// <param name="max">Largest value.</param>
        public static void Int(Option<int?> option, int min, int max) =>
            option.CustomParser = result => result.Tokens.Count == 0 ? null : ParseInt(result, result.Tokens[0].Value, option.Name, min, max, null);

        /// <summary>Parses the argument as a whole number in <paramref name="min"/>..<paramref name="max"/>.</summary>
        /// <param name="argument">The argument.</param>
        /// <param name="min">Smallest value.</param>
        /// <param name="max">Largest value.</param>
        /// <param name="rangeError">The error for an out-of-range value ({0} is the value); null for "NAME must be MIN..MAX; got V."</param>
        public static void Int(Argument<int> argument, int min, int max, string? rangeError = null) =>
            argument.CustomParser = result => ParseInt(result, result.Tokens[0].Value, argument.Name, min, max, rangeError);

        /// <summary>Parses every token of the argument as a whole number in <paramref name="min"/>..<paramref name="max"/>.</summary>
        /// <param name="argument">The argument.</param>
        /// <param name="min">Smallest value.</param>
        /// <param name="max">Largest value.</param>
        /// <param name="rangeError">The error for an out-of-range value ({0} is the value); null for "NAME must be MIN..MAX; got V."</param>
        public static void Ints(Argument<int[]> argument, int min, int max, string? rangeError) =>
            argument.CustomParser = result =>
            {
                var values = new int[result.Tokens.Count];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = ParseInt(result, result.Tokens[i].Value, argument.Name, min, max, rangeError);
                }

                return values;
            };

        /// <summary>Parses the option as a number in <paramref name="min"/>..<paramref name="max"/>.</summary>
        /// <param name="option">The option.</param>
        /// <param name="min">Smallest value.</param>
        /// <param name="max">Largest value.</param>
        /// <param name="rangeError">The error for an out-of-range value ({0} is the value); null for "NAME must be MIN..MAX; got V."</param>
        public static void Double(Option<double> option, double min, double max, string? rangeError = null) =>
            option.CustomParser = result => result.Tokens.Count == 0
                ? (option.DefaultValueFactory is null ? 0 : option.DefaultValueFactory(result))
                : ParseDouble(result, option.Name, min, max, rangeError);

        private static int ParseInt(ArgumentResult result, string text, string name, int min, int max, string? rangeError)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                result.AddError("'" + text + "' is not a whole number (" + name + ").");
                return 0;
            }

            if (value < min || value > max)
            {
                result.AddError(rangeError is null
                    ? name + " must be " + min.ToString(CultureInfo.InvariantCulture) + ".." + max.ToString(CultureInfo.InvariantCulture) + "; got " + text + "."
                    : string.Format(CultureInfo.InvariantCulture, rangeError, value));
            }

            return value;
        }

        private static double ParseDouble(ArgumentResult result, string name, double min, double max, string? rangeError)
        {
            string text = result.Tokens[0].Value;
            if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                result.AddError("'" + text + "' is not a number (" + name + ").");
                return 0;
            }

            if (!(value >= min && value <= max))
            {
                result.AddError(rangeError is null
                    ? name + " must be " + min.ToString(CultureInfo.InvariantCulture) + ".." + max.ToString(CultureInfo.InvariantCulture) + "; got " + text + "."
                    : string.Format(CultureInfo.InvariantCulture, rangeError, text));
            }

            return value;
        }
    }
}
