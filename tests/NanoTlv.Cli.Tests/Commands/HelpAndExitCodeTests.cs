using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Harness;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Cli.Tests.Commands
{
    public sealed class HelpAndExitCodeTests
    {
        [Fact]
        public async Task Root_help_lists_commands_default_device_and_exit_codes()
        {
            CliResult result = await Tlvctl.RunAsync("--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Exit codes: 0 ok, 1 device error", result.Out, StringComparison.Ordinal);
            Assert.Contains("3 connection error or timeout, 4 harness mismatch", result.Out, StringComparison.Ordinal);
            Assert.Contains("$TLVCTL_DEVICE, else 127.0.0.1:5150", result.Out, StringComparison.Ordinal);
            foreach (string command in new[] { "hello", "info", "caps", "ping", "gpio", "watch", "adc", "pwm", "i2c", "sensor", "failsafe", "harness", "serve", "demo" })
            {
                Assert.Contains("  " + command, result.Out, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task Subcommand_help_lists_its_subcommands()
        {
            CliResult result = await Tlvctl.RunAsync("gpio", "--help");
            Assert.Equal(0, result.ExitCode);
            foreach (string sub in new[] { "mode", "write", "read", "toggle", "pulse" })
            {
                Assert.Contains("  " + sub, result.Out, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("frobnicate")]
        [InlineData("gpio")]
        [InlineData("gpio", "write", "5", "2")]
        [InlineData("gpio", "read", "300")]
        [InlineData("gpio", "mode", "5", "sideways")]
        [InlineData("i2c", "write", "0x76", "zz")]
        [InlineData("i2c", "read", "0x80", "1")]
        [InlineData("i2c", "read", "0x07", "1")]
        [InlineData("i2c", "read", "0x78", "1")]
        [InlineData("sensor", "bme280", "--address", "0x50")]
        [InlineData("pwm", "set", "18", "--frequency", "40000001", "--duty", "50")]
        [InlineData("pwm", "set", "18", "--frequency", "100")]
        [InlineData("pwm", "set", "18", "--frequency", "100", "--duty", "101")]
        [InlineData("harness", "--strategy", "sideways")]
        [InlineData("ping", "--count", "0")]
        public async Task Bad_command_lines_exit_2_without_touching_a_device(params string[] args)
        {
            CliResult result = await Tlvctl.RunAsync(args);
            Assert.True(ExitCodes.UsageError == result.ExitCode, result.ToString());
            Assert.StartsWith("error: ", result.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_malformed_device_address_is_a_usage_error()
        {
            CliResult result = await Tlvctl.RunAsync("hello", "--device", "nonsense:xx");
            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("is not a device address", result.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_refused_connection_exits_3()
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            CliResult result = await Tlvctl.RunAsync("hello", "--json", "--device", "127.0.0.1:" + port);
            Assert.Equal(ExitCodes.ConnectionError, result.ExitCode);
            Assert.Contains("Cannot connect to 127.0.0.1:" + port, result.Err, StringComparison.Ordinal);
            Assert.Equal("connection", result.Json().GetProperty("error").GetProperty("kind").GetString());
        }

        [Fact]
        public async Task A_device_that_never_answers_times_out_with_exit_3()
        {
            using var silent = new BrokenDevice(silent: true);
            CliResult result = await Tlvctl.RunAsync("hello", "--timeout", "300", "--device", silent.Address);
            Assert.Equal(ExitCodes.ConnectionError, result.ExitCode);
            Assert.Contains("HELLO (request id 1) got no reply within 300 ms", result.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_refusal_exits_1_with_the_status_in_text_and_json()
        {
            using var device = new RunningDevice();
            CliResult result = await Tlvctl.RunAsync(device.Args("gpio", "write", "6", "1", "--json"));
            Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
            Assert.Contains("error: DIGITAL_WRITE on pin 6 failed: PinReserved (the pin is reserved for the module or the firmware); GPIO 6 is reserved: wired to the SPI flash", result.Err, StringComparison.Ordinal);
            var error = result.Json().GetProperty("error");
            Assert.Equal("device", error.GetProperty("kind").GetString());
            Assert.Equal("PinReserved", error.GetProperty("status").GetString());
            Assert.Equal(1, error.GetProperty("exitCode").GetInt32());
        }
    }
}
