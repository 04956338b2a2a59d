using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Cli.Simulation
{
    /// <summary>
    /// Reads the simulation language (<see cref="SimulationLanguage.Help"/>) of <c>tlvctl serve</c>'s options,
    /// script file and prompt, and checks every step against the board it will drive: the pin exists, is not
    /// reserved and can be an input; an ADC pin has a channel and the voltage is within the ADC's full scale; the
    /// BME280's conditions are within what the simulator measures. A bad step is a <see cref="UsageException"/>
    /// saying what is wrong, never a step half applied.
    /// </summary>
    internal sealed class SimulationParser
    {
        private static readonly char[] Blanks = [' ', '\t'];
        private readonly VirtualBoard _board;

        public SimulationParser(VirtualBoard board)
        {
            _board = board;
        }

        /// <summary>Parses one line: <c>[at TIME | every TIME] COMMAND</c>; null for a blank line or a comment.</summary>
        /// <param name="line">The line.</param>
        /// <param name="source">Where it comes from, put before every error ("sim.txt line 3").</param>
        /// <returns>The step, or null.</returns>
        /// <exception cref="UsageException">The line is not a valid step for this board.</exception>
        public SimulationStep? ParseLine(string line, string source)
        {
            int comment = line.IndexOf('#', StringComparison.Ordinal);
            string[] words = (comment >= 0 ? line[..comment] : line).Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                return null;
            }

            try
            {
                return ParseWords(words, source);
            }
            catch (UsageException ex)
            {
                throw new UsageException(source + ": " + ex.Message);
            }
        }

        /// <summary>Parses a script file, every line; the first bad line is the error, with its number.</summary>
        /// <param name="path">The file.</param>
        /// <returns>The steps in file order.</returns>
        /// <exception cref="UsageException">The file cannot be read, or a line is bad.</exception>
        public IReadOnlyList<SimulationStep> ParseScript(string path)
        {
            string[] lines;
            try
            {
                lines = System.IO.File.ReadAllLines(path);
            }
            catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
            {
                throw new UsageException("Cannot read the simulation script " + path + ": " + ex.Message);
            }

            string name = System.IO.Path.GetFileName(path);
            var steps = new List<SimulationStep>();
            for (int index = 0; index < lines.Length; index++)
            {
                SimulationStep? step = ParseLine(lines[index], name + " line " + (index + 1).ToString(CultureInfo.InvariantCulture));
                if (step is not null)
                {
                    steps.Add(step);
                }
            }

            return steps;
        }

        /// <summary>Parses <c>--input 4=high</c> (commas separate several).</summary>
        public IEnumerable<SimulationStep> ParseInputOption(string value) =>
            ParsePairs("--input", value, (pin, level) => ["input", pin, level]);

        /// <summary>Parses <c>--adc 34=1650mV</c> (commas separate several).</summary>
        public IEnumerable<SimulationStep> ParseAdcOption(string value) =>
            ParsePairs("--adc", value, (pin, voltage) => ["adc", pin, voltage]);

        /// <summary>Parses <c>--bme280 temp=21.5,humidity=40,pressure=1013</c>.</summary>
        public SimulationStep ParseBme280Option(string value) =>
            ParseOption("--bme280 " + value, ["bme280", value]);

        private IEnumerable<SimulationStep> ParsePairs(string option, string value, Func<string, string, string[]> command)
        {
            var steps = new List<SimulationStep>();
            foreach (string pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || equals == pair.Length - 1)
                {
                    throw new UsageException(option + " " + pair + ": write PIN=VALUE, e.g. " + (option == "--adc" ? "--adc 34=1650mV" : "--input 4=high") + ".");
                }

                steps.Add(ParseOption(option + " " + pair, command(pair[..equals].Trim(), pair[(equals + 1)..].Trim())));
            }

            return steps;
        }

        private SimulationStep ParseOption(string source, string[] words)
        {
            try
            {
                return new SimulationStep(TimeSpan.Zero, null, ParseCommand(words), source);
            }
            catch (UsageException ex)
            {
                throw new UsageException(source + ": " + ex.Message);
            }
        }

        private SimulationStep ParseWords(string[] words, string source)
        {
            string first = words[0].ToLowerInvariant();
            if (first is not ("at" or "every"))
            {
                return new SimulationStep(TimeSpan.Zero, null, ParseCommand(words), source);
            }

            if (words.Length < 3)
            {
                throw new UsageException("'" + string.Join(' ', words) + "': write '" + first + " TIME COMMAND', e.g. '" + first + " 500ms toggle 4'.");
            }

            TimeSpan time = Time(words[1]);
            SimulationAction action = ParseCommand(words[2..]);
            if (first == "at")
            {
                return new SimulationStep(time, null, action, source);
            }

            if (time <= TimeSpan.Zero)
            {
                throw new UsageException("'every " + words[1] + "': the period must be longer than 0.");
            }

            if (action.Duration > time)
            {
                throw new UsageException("'every " + words[1] + "' repeats a ramp of " + SimulationValues.FormatTime(action.Duration) + " before it ends; make the period at least as long as the ramp.");
            }

            return new SimulationStep(time, time, action, source);
        }

        private SimulationAction ParseCommand(string[] words)
        {
            string command = words[0].ToLowerInvariant();
            return command switch
            {
                "input" => ParseInput(words),
                "toggle" => ParseToggle(words),
                "adc" => ParseAdc(words),
                "bme280" => ParseBme280(words),
                _ => throw new UsageException("'" + words[0] + "' is not a simulation command; use input, toggle, adc or bme280 (" + SimulationLanguage.Summary + ")."),
            };
        }

        private InputAction ParseInput(string[] words)
        {
            Expect(words, 3, "input PIN high|low|release");
            int pin = InputPin(words[1]);
            string level = words[2].ToLowerInvariant();
            if (level == "release")
            {
                return new InputAction(pin, InputDrive.Release);
            }

            return ValueParsers.TryParseLevel(level, out bool high)
                ? new InputAction(pin, high ? InputDrive.High : InputDrive.Low)
                : throw new UsageException("'" + words[2] + "' is not a level for input " + pin + "; use high, low (or 1, 0) or release.");
        }

        private InputAction ParseToggle(string[] words)
        {
            Expect(words, 2, "toggle PIN");
            return new InputAction(InputPin(words[1]), InputDrive.Toggle);
        }

        private AdcAction ParseAdc(string[] words)
        {
            if (words.Length >= 3 && words[2].Equals("ramp", StringComparison.OrdinalIgnoreCase))
            {
                Expect(words, 6, "adc PIN ramp FROM..TO over TIME");
                int rampPin = AdcPin(words[1]);
                string[] ends = words[3].Split("..");
                if (ends.Length != 2 || !words[4].Equals("over", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UsageException("'" + string.Join(' ', words) + "': write 'adc PIN ramp FROM..TO over TIME', e.g. 'adc 34 ramp 0..3100mV over 10s'.");
                }

                double unit = SimulationValues.UnitOf(ends[1]);
                int from = Millivolts(ends[0], unit == 0 ? 1 : unit);
                int to = Millivolts(ends[1], 1);
                TimeSpan over = Time(words[5]);
                return new AdcAction(rampPin, from, to, over);
            }

            Expect(words, 3, "adc PIN VOLTAGE");
            return new AdcAction(AdcPin(words[1]), Millivolts(words[2], 1));
        }

        private Bme280Action ParseBme280(string[] words)
        {
            if (words.Length < 2)
            {
                throw new UsageException("'bme280' needs values: bme280 temp=21.5,humidity=40,pressure=1013 (°C, %RH, hPa; any of them).");
            }

            // "temp=21.5,humidity=40" and "temp 21.5 humidity 40" alike: a list of key/value pairs.
            var parts = new List<string>();
            foreach (string word in words[1..])
            {
                foreach (string piece in word.Split([',', '='], StringSplitOptions.RemoveEmptyEntries))
                {
                    parts.Add(piece);
                }
            }

            double? temperature = null;
            double? humidity = null;
            double? pressure = null;
            if (parts.Count % 2 != 0)
            {
                throw new UsageException("'" + string.Join(' ', words) + "': every BME280 value needs a name and a number, e.g. temp=21.5.");
            }

            for (int i = 0; i < parts.Count; i += 2)
            {
                string key = parts[i].ToLowerInvariant();
                string text = parts[i + 1];
                switch (key)
                {
                    case "temp" or "temperature":
                        temperature = Bme280Value(text, "°C", "temperature", "°C", Bme280Simulator.MinTemperatureCelsius, Bme280Simulator.MaxTemperatureCelsius, 1);
                        break;
                    case "humidity":
                        humidity = Bme280Value(text, "%", "humidity", "%RH", Bme280Simulator.MinHumidityPercent, Bme280Simulator.MaxHumidityPercent, 1);
                        break;
                    case "pressure":
                        pressure = Bme280Value(text, "hPa", "pressure", "hPa", Bme280Simulator.MinPressurePa / SimulationValues.PascalsPerHectopascal, Bme280Simulator.MaxPressurePa / SimulationValues.PascalsPerHectopascal, SimulationValues.PascalsPerHectopascal);
                        break;
                    default:
                        throw new UsageException("'" + parts[i] + "' is not a BME280 value; use temp (°C), humidity (%RH) or pressure (hPa).");
                }
            }

            return new Bme280Action(temperature, humidity, pressure);
        }

        private static double Bme280Value(string text, string suffix, string name, string unit, double min, double max, double scale)
        {
            string number = text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? text[..^suffix.Length] : text;
            if (suffix == "°C" && number.EndsWith('C'))
            {
                number = number[..^1];
            }

            if (!SimulationValues.TryParseNumber(number, out double value))
            {
                throw new UsageException("'" + text + "' is not a number (BME280 " + name + " in " + unit + ").");
            }

            if (value < min || value > max)
            {
                throw new UsageException(
                    "BME280 " + name + " " + SimulationValues.Format(value) + " " + unit + " is outside what the simulated sensor measures ("
                    + SimulationValues.Format(min) + ".." + SimulationValues.Format(max) + " " + unit + ").");
            }

            return value * scale;
        }

        private static void Expect(string[] words, int count, string form)
        {
            if (words.Length != count)
            {
                throw new UsageException("'" + string.Join(' ', words) + "': write '" + form + "'.");
            }
        }

        private static TimeSpan Time(string text) =>
            SimulationValues.TryParseTime(text, out TimeSpan time)
                ? time
                : throw new UsageException("'" + text + "' is not a time; write it with its unit: 500ms, 2s, 1.5s, 1min.");

        private int Millivolts(string text, double defaultUnit)
        {
            if (!SimulationValues.TryParseVoltage(text, defaultUnit, out int millivolts))
            {
                throw new UsageException("'" + text + "' is not a voltage; write 1650mV, 1.65V or 1650 (millivolts).");
            }

            int fullScale = _board.Analog.FullScaleMillivolts;
            if (millivolts < 0 || millivolts > fullScale)
            {
                throw new UsageException(
                    "'" + text + "' is outside the ADC's range: 0.." + fullScale + " mV (" + _board.Description.Name + " full scale at 11 dB).");
            }

            return millivolts;
        }

        private int InputPin(string text)
        {
            PinDescription pin = UsablePin(text);
            return pin.Has(PinCapabilities.DigitalInput)
                ? pin.Number
                : throw new UsageException("GPIO " + pin.Number + " cannot be an input on " + _board.Description.Name + ".");
        }

        private int AdcPin(string text)
        {
            PinDescription pin = UsablePin(text);
            if (pin.AdcChannel != PinDescription.AdcChannelNone)
            {
                return pin.Number;
            }

            IEnumerable<int> adcPins = Enumerable.Range(0, _board.Description.PinCount)
                .Where(number => _board.Description.GetPin(number) is { AdcChannel: not PinDescription.AdcChannelNone, Reservation: PinReservation.None });
            throw new UsageException("GPIO " + pin.Number + " has no ADC channel on " + _board.Description.Name + "; the ADC pins are " + string.Join(", ", adcPins) + ".");
        }

        private PinDescription UsablePin(string text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                throw new UsageException("'" + text + "' is not a pin number (a GPIO number such as 4).");
            }

            PinDescription pin = _board.Description.GetPin(number)
                ?? throw new UsageException("GPIO " + number + " does not exist on " + _board.Description.Name + ".");
            if (pin.Reservation != PinReservation.None)
            {
                throw new UsageException("GPIO " + number + " is reserved on " + _board.Description.Name + ": " + StatusDescriptions.Describe(pin.Reservation) + ".");
            }

            return pin;
        }
    }
}
