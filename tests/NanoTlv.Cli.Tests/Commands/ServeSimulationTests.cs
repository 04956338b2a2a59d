using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Simulation;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Testing;
using NanoTlv.VirtualDevice;
using Xunit;

namespace NanoTlv.Cli.Tests.Commands
{
    /// <summary><c>tlvctl serve</c> playing the outside world: --input, --adc, --bme280, --script, --prompt.</summary>
    public sealed class ServeSimulationTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("tlvctl-sim-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public async Task A_script_toggles_an_input_and_watch_sees_every_change()
        {
            string script = Script(
                "# a button pressed and released every 200 ms",
                string.Empty,
                "input 4 low",
                "every 200ms toggle 4   # comments may end a line");
            await using Served served = await Served.StartAsync(null, "--script", script);
            CliResult watch = await Tlvctl.RunAsync(served.Args("watch", "4", "--mode", "input", "--count", "3", "--json"));
            Assert.True(watch.ExitCode == 0, watch.ToString());
            int[] levels = watch.JsonLines().Skip(1).Select(line => line.GetProperty("level").GetInt32()).ToArray();
            Assert.Equal(3, levels.Length);
            Assert.NotEqual(levels[0], levels[1]);
            Assert.NotEqual(levels[1], levels[2]);
            Assert.Contains("toggle 4 (" + Path.GetFileName(script) + " line 4)", served.Log, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Options_set_inputs_adc_voltages_and_bme280_conditions_that_tlvctl_reads_back()
        {
            await using Served served = await Served.StartAsync(
                null, "--input", "4=high,5=low", "--adc", "34=1650mV", "--adc", "35=1.2V", "--bme280", "temp=25.5,humidity=40,pressure=1013");

            JsonElement adc34 = (await Ok(served.Args("adc", "read", "34", "--json"))).Json();
            Assert.InRange(adc34.GetProperty("millivolts").GetInt32(), 1648, 1652);
            JsonElement adc35 = (await Ok(served.Args("adc", "read", "35", "--json"))).Json();
            Assert.InRange(adc35.GetProperty("millivolts").GetInt32(), 1198, 1202);

            JsonElement bme280 = (await Ok(served.Args("sensor", "bme280", "--json"))).Json();
            Assert.InRange(bme280.GetProperty("temperatureCelsius").GetDouble(), 25.45, 25.55);
            Assert.InRange(bme280.GetProperty("humidityPercent").GetDouble(), 39.9, 40.1);
            Assert.InRange(bme280.GetProperty("pressureHpa").GetDouble(), 1012.9, 1013.1);

            await Ok(served.Args("gpio", "mode", "4", "input"));
            Assert.Equal(1, (await Ok(served.Args("gpio", "read", "4", "--json"))).Json().GetProperty("level").GetInt32());
            await Ok(served.Args("gpio", "mode", "5", "input-pullup"));
            Assert.Equal(0, (await Ok(served.Args("gpio", "read", "5", "--json"))).Json().GetProperty("level").GetInt32());
        }

        [Fact]
        public async Task The_prompt_runs_commands_reports_bad_lines_and_carries_on()
        {
            var input = new StringReader("help\nadc 34 9V\ninput 4 high\n");
            await using Served served = await Served.StartAsync(input, "--prompt");
            Assert.True(await Wait.TryUntilAsync(() => served.Log.Contains("input 4 high (prompt line 3)", StringComparison.Ordinal)), served.Log + served.Errors);
            Assert.Contains("every TIME", served.Log, StringComparison.Ordinal);
            Assert.Contains("error: prompt line 2: '9V' is outside the ADC's range: 0.." + Esp32DevKitBoardFullScale + " mV", served.Errors, StringComparison.Ordinal);
            await Ok(served.Args("gpio", "mode", "4", "input"));
            Assert.Equal(1, (await Ok(served.Args("gpio", "read", "4", "--json"))).Json().GetProperty("level").GetInt32());
        }

        [Theory]
        [InlineData("input 6 high", "GPIO 6 is reserved on ESP32 DevKit (WROOM-32): wired to the SPI flash.")]
        [InlineData("toggle 1", "GPIO 1 is reserved on ESP32 DevKit (WROOM-32): UART0")]
        [InlineData("input 20 high", "GPIO 20 does not exist on ESP32 DevKit (WROOM-32).")]
        [InlineData("input 4 up", "'up' is not a level for input 4; use high, low (or 1, 0) or release.")]
        [InlineData("input four high", "'four' is not a pin number")]
        [InlineData("adc 4 1200", "GPIO 4 has no ADC channel on ESP32 DevKit (WROOM-32); the ADC pins are 32, 33, 34, 35, 36, 37, 38, 39.")]
        [InlineData("adc 34 3500mV", "'3500mV' is outside the ADC's range: 0..3100 mV")]
        [InlineData("adc 34 -1", "'-1' is outside the ADC's range")]
        [InlineData("adc 34 lots", "'lots' is not a voltage")]
        [InlineData("adc 34 ramp 0..3100mV in 10s", "write 'adc PIN ramp FROM..TO over TIME'")]
        [InlineData("bme280 temp=90", "BME280 temperature 90 °C is outside what the simulated sensor measures (-40..85 °C).")]
        [InlineData("bme280 humidity=101", "(0..100 %RH)")]
        [InlineData("bme280 pressure=200", "(300..1100 hPa)")]
        [InlineData("bme280 wind=3", "'wind' is not a BME280 value")]
        [InlineData("at 5 input 4 high", "'5' is not a time; write it with its unit")]
        [InlineData("every 0ms toggle 4", "the period must be longer than 0")]
        [InlineData("every 1s adc 34 ramp 0..1V over 2s", "make the period at least as long as the ramp")]
        [InlineData("blink 4", "'blink' is not a simulation command")]
        public async Task A_bad_script_line_is_a_usage_error_naming_the_line(string line, string expected)
        {
            string script = Script("input 4 high", "# fine so far", line, "toggle 5");
            CliResult result = await Tlvctl.RunAsync("serve", "--port", "0", "--discovery-port", "0", "--script", script);
            Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
            Assert.Contains("error: " + Path.GetFileName(script) + " line 3: ", result.Err, StringComparison.Ordinal);
            Assert.Contains(expected, result.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("listening", result.Out, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--input", "4", "--input 4: write PIN=VALUE, e.g. --input 4=high.")]
        [InlineData("--input", "34=high,6=low", "--input 6=low: GPIO 6 is reserved")]
        [InlineData("--adc", "4=1V", "--adc 4=1V: GPIO 4 has no ADC channel")]
        [InlineData("--adc", "34=4V", "--adc 34=4V: '4V' is outside the ADC's range: 0..3100 mV")]
        [InlineData("--bme280", "temp=21,humidity=120", "--bme280 temp=21,humidity=120: BME280 humidity 120 %RH is outside")]
        [InlineData("--bme280", "temp", "every BME280 value needs a name and a number")]
        [InlineData("--script", "/nonexistent/sim.txt", "Cannot read the simulation script /nonexistent/sim.txt")]
        public async Task A_bad_simulation_option_is_a_usage_error_with_a_json_error(string option, string value, string expected)
        {
            CliResult result = await Tlvctl.RunAsync("serve", "--port", "0", "--discovery-port", "0", option, value, "--json");
            Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
            Assert.Contains(expected, result.Err, StringComparison.Ordinal);
            JsonElement error = result.Json().GetProperty("error");
            Assert.Equal("usage", error.GetProperty("kind").GetString());
            Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_ramp_moves_linearly_from_its_start_to_its_end()
        {
            using var board = new VirtualBoard();
            var parser = new SimulationParser(board);
            SimulationStep step = parser.ParseLine("at 2s adc 34 ramp 0..3.1V over 10s", "test")!;
            var ramp = Assert.IsType<AdcAction>(step.Action);
            Assert.Equal(TimeSpan.FromSeconds(2), step.At);
            Assert.Null(step.Every);
            Assert.Equal(0, ramp.MillivoltsAt(TimeSpan.Zero));
            Assert.Equal(1550, ramp.MillivoltsAt(TimeSpan.FromSeconds(5)));
            Assert.Equal(3100, ramp.MillivoltsAt(TimeSpan.FromSeconds(10)));
            Assert.Equal(3100, ramp.MillivoltsAt(TimeSpan.FromSeconds(11)));
            Assert.Equal("at 2s adc 34 ramp 0..3100mV over 10s", step.ToString());
            Assert.Equal("every 500ms toggle 4", parser.ParseLine("every 0.5s toggle 4", "test")!.ToString());
            Assert.Null(parser.ParseLine("   # only a comment", "test"));
            Assert.Equal(TimeSpan.FromMinutes(1), parser.ParseLine("at 1min input 4 high", "test")!.At);
            Assert.Equal(TimeSpan.FromMilliseconds(1500), parser.ParseLine("AT 1.5S INPUT 4 HIGH", "test")!.At);
            Assert.Equal(TimeSpan.FromSeconds(2), parser.ParseLine("every 2s adc 34 ramp 3100..0 over 2s", "test")!.Every);
        }

        [Fact]
        public void The_readme_example_script_is_valid()
        {
            string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "TlvctlReadme.md"));
            int start = readme.IndexOf("```text\n# sim.txt", StringComparison.Ordinal);
            Assert.True(start >= 0, "the README's example script is gone");
            start = readme.IndexOf('\n', start) + 1;
            string[] lines = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)].Split('\n');
            using var board = new VirtualBoard();
            var parser = new SimulationParser(board);
            SimulationStep[] steps = lines.Select((line, index) => parser.ParseLine(line, "README line " + (index + 1))).OfType<SimulationStep>().ToArray();
            Assert.Equal(5, steps.Length);
            Assert.Equal(TimeSpan.FromMilliseconds(500), steps[1].Every);
        }

        private static int Esp32DevKitBoardFullScale => NanoTlv.Firmware.Board.Esp32DevKitBoard.AdcFullScaleMillivolts;

        private static async Task<CliResult> Ok(string[] args)
        {
            CliResult result = await Tlvctl.RunAsync(args);
            Assert.True(result.ExitCode == 0, result.ToString());
            return result;
        }

        private string Script(params string[] lines)
        {
            string path = Path.Combine(_directory, "sim-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
            File.WriteAllLines(path, lines);
            return path;
        }

        /// <summary>A running <c>tlvctl serve --json</c> (its log goes to standard error) on a free port.</summary>
        private sealed class Served : IAsyncDisposable
        {
            private readonly LockedWriter _output = new();
            private readonly LockedWriter _error = new();
            private readonly CancellationTokenSource _stop = new(Tlvctl.Limit);
            private Task<int> _serve = Task.FromResult(0);
            private string _device = string.Empty;

            public string Log => _error.ToString();

            public string Errors => _error.ToString();

            public static async Task<Served> StartAsync(TextReader? input, params string[] options)
            {
                var served = new Served();
                string[] args = ["serve", "--port", "0", "--discovery-port", "0", "--announce-interval", "0", "--json", .. options];
                var io = new CliIo(served._output, served._error, false, _ => null, false) { Input = input ?? TextReader.Null };
                served._serve = Task.Run(() => CliApp.RunAsync(args, io, served._stop.Token));
                Assert.True(
                    await Wait.TryUntilAsync(() => served._output.ToString().Contains("\"listening\"", StringComparison.Ordinal) || served._serve.IsCompleted),
                    served._output + "\n" + served._error);
                Assert.False(served._serve.IsCompleted, "serve ended: " + served._output + "\n" + served._error);
                int port = JsonDocument.Parse(served._output.ToString().Split('\n')[0]).RootElement.GetProperty("port").GetInt32();
                served._device = "127.0.0.1:" + port;
                return served;
            }

            public string[] Args(params string[] args) => [.. args, "--device", _device];

            public async ValueTask DisposeAsync()
            {
                await _stop.CancelAsync();
                Assert.Equal(0, await _serve.WaitAsync(Tlvctl.Limit));
                _stop.Dispose();
            }
        }
    }
}
