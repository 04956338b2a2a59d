using System;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Cli.Tests.Commands
{
    /// <summary>Levels written as words, and errors in plain words (no .NET parameter names).</summary>
    public sealed class LevelAndMessageTests
    {
        [Fact]
        public async Task Levels_may_be_written_high_and_low_and_print_as_bits()
        {
            using var device = new RunningDevice();
            await DeviceInfoCommandTests.Ok(device.Args("gpio", "mode", "23", "output"));
            Assert.Equal(1, (await DeviceInfoCommandTests.Ok(device.Args("gpio", "write", "23", "high", "--json"))).Json().GetProperty("level").GetInt32());
            Assert.True(device.Board.IsHigh(23));
            Assert.Equal(0, (await DeviceInfoCommandTests.Ok(device.Args("gpio", "write", "23", "LOW", "--json"))).Json().GetProperty("level").GetInt32());
            Assert.False(device.Board.IsHigh(23));
            Assert.Equal("1", (await DeviceInfoCommandTests.Ok(device.Args("failsafe", "23", "high", "--json"))).Json().GetProperty("failsafe").GetString());

            CliResult bad = await Tlvctl.RunAsync(device.Args("gpio", "write", "23", "on"));
            Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
            Assert.Contains("'on' is not a level; use 0, 1, low or high.", bad.Err, StringComparison.Ordinal);
            CliResult help = await Tlvctl.RunAsync("gpio", "write", "--help");
            Assert.Contains("0|1|low|high", help.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Argument_errors_reach_the_user_without_dotnet_parameter_text()
        {
            CliResult result = await Tlvctl.RunAsync("serve", "--port", "0", "--discovery-port", "0", "--name", "küche", "--json");
            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("must be printable ASCII", result.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("(Parameter", result.Err + result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("Actual value", result.Err + result.Out, StringComparison.Ordinal);
        }
    }
}
