using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Cli.Tests.Commands
{
    /// <summary>Junk where a number belongs, in every numeric argument and option of every command: a usage error
    /// (exit 2, "error: ..." naming the bad text), never a crash, and a JSON error with --json.</summary>
    public sealed class JunkArgumentTests
    {
        public static TheoryData<string> CommandLines() => new()
        {
            "gpio mode JUNK output",
            "gpio write JUNK 1",
            "gpio read JUNK",
            "gpio toggle JUNK",
            "gpio pulse JUNK 1 100",
            "gpio pulse 5 1 JUNK",
            "watch JUNK",
            "watch 4 --debounce JUNK",
            "watch 4 --count JUNK",
            "watch 4 --duration JUNK",
            "adc read JUNK",
            "pwm set JUNK --frequency 100 --duty 5",
            "pwm set 18 --frequency JUNK --duty 5",
            "pwm set 18 --frequency 100 --duty JUNK",
            "pwm stop JUNK",
            "i2c read JUNK 1",
            "i2c read 0x76 JUNK",
            "i2c write JUNK d0",
            "i2c write-read 0x76 d0 JUNK",
            "sensor bme280 --address JUNK",
            "failsafe JUNK 1",
            "ping --count JUNK",
            "ping --size JUNK",
            "hello --timeout JUNK",
            "--timeout JUNK hello",
            "harness --frames JUNK",
            "harness --seed JUNK",
            "harness --chunk JUNK",
            "harness --delay-ms JUNK",
            "harness --max-ping-bytes JUNK",
            "serve --port JUNK",
            "serve --max-clients JUNK",
            "serve --max-payload JUNK",
            "serve --discovery-port JUNK",
            "serve --announce-interval JUNK",
            "dashboard --port JUNK",
            "dashboard --interval JUNK",
            "dashboard --inputs JUNK",
            "demo --frames JUNK",
            "demo --seed JUNK",
            "bridge --device 127.0.0.1:1 --interval JUNK",
            "bridge --device 127.0.0.1:1 --keepalive JUNK",
        };

        [Theory]
        [MemberData(nameof(CommandLines))]
        public async Task Junk_in_a_numeric_argument_is_a_usage_error(string commandLine)
        {
            // A number too large for an int is junk for whole numbers; for seconds (--duration, --interval) it is a number.
            string[] junks = commandLine.Contains("--duration", StringComparison.Ordinal) || commandLine.Contains("--interval", StringComparison.Ordinal) || commandLine.Contains("--keepalive", StringComparison.Ordinal) || commandLine.Contains("--duty JUNK", StringComparison.Ordinal)
                ? ["abc", "1.5x"]
                : ["abc", "1.5x", "99999999999999999999"];
            foreach (string junk in junks)
            {
                string[] args = commandLine.Split(' ').Select(a => a == "JUNK" ? junk : a).ToArray();
                CliResult result = await Tlvctl.RunAsync(args);
                Assert.True(result.ExitCode == ExitCodes.UsageError, string.Join(' ', args) + " -> " + result);
                Assert.StartsWith("error: ", result.Err, StringComparison.Ordinal);
                Assert.Contains("'" + junk + "'", result.Err, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);

                CliResult json = await Tlvctl.RunAsync([.. args, "--json"]);
                Assert.Equal(ExitCodes.UsageError, json.ExitCode);
                JsonElement error = json.Json().GetProperty("error");
                Assert.Equal("usage", error.GetProperty("kind").GetString());
                Assert.Contains("'" + junk + "'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task A_usage_error_with_json_prints_a_json_error()
        {
            CliResult result = await Tlvctl.RunAsync("gpio", "read", "256", "--json");
            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            JsonElement error = result.Json().GetProperty("error");
            Assert.Equal("usage", error.GetProperty("kind").GetString());
            Assert.Equal("Pin 256 is out of range; pins are 0..255.", error.GetProperty("message").GetString());
            Assert.Equal(ExitCodes.UsageError, error.GetProperty("exitCode").GetInt32());
        }

        [Theory]
        [InlineData("serve", "--device", "127.0.0.1:5150")]
        [InlineData("demo", "--device", "127.0.0.1:5150")]
        [InlineData("demo", "--token", "secret")]
        [InlineData("--device", "127.0.0.1:5150", "serve")]
        public async Task Global_options_that_do_not_apply_to_a_command_are_refused(params string[] args)
        {
            CliResult result = await Tlvctl.RunAsync([.. args, "--json"]);
            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("does not apply to 'tlvctl ", result.Err, StringComparison.Ordinal);
            Assert.Equal("usage", result.Json().GetProperty("error").GetProperty("kind").GetString());
        }

        [Fact]
        public async Task Help_as_a_command_prints_help_without_errors()
        {
            CliResult root = await Tlvctl.RunAsync("help");
            Assert.Equal(0, root.ExitCode);
            Assert.Equal(string.Empty, root.Err);
            Assert.Contains("Exit codes:", root.Out, StringComparison.Ordinal);

            CliResult gpio = await Tlvctl.RunAsync("help", "gpio");
            Assert.Equal(0, gpio.ExitCode);
            Assert.Contains("  toggle", gpio.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_wrong_token_says_token_refused()
        {
            using var device = new RunningDevice(options => options.AuthToken = "right");
            CliResult result = await Tlvctl.RunAsync(device.Args("hello", "--token", "wrong"));
            Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
            Assert.Contains("token refused", result.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("needs a token", result.Err, StringComparison.Ordinal);
        }
    }
}
