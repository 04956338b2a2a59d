using System.Threading.Tasks;
using NanoTlv.Bridge;
using NanoTlv.Cli.Bridge;
using NanoTlv.Cli.Tests.Infrastructure;
using Xunit;

namespace NanoTlv.Cli.Tests.Commands
{
    public sealed class BridgeBoardListTests
    {
        private static readonly BridgeBoard Defaults = new(string.Empty, 5150) { Token = "default-token", Outputs = [23] };

        [Fact]
        public void A_board_line_overrides_the_command_line_defaults()
        {
            BridgeBoard board = BoardSpec.ParseLine("192.168.1.50:5151 token=kitchen id=kitchen inputs=4,5 adc=34 pwm=18 bme280=0x77 failsafe=23:0,25:1 debounce=20", Defaults);
            Assert.Equal("192.168.1.50", board.Host);
            Assert.Equal(5151, board.Port);
            Assert.Equal("kitchen", board.Token);
            Assert.Equal("kitchen", board.Id);
            Assert.Equal([4, 5], board.Inputs);
            Assert.Equal([23], board.Outputs);
            Assert.Equal([34], board.AnalogPins);
            Assert.Equal([18], board.PwmPins);
            Assert.Equal(0x77, board.Bme280Address);
            Assert.False(board.Failsafes[23]);
            Assert.True(board.Failsafes[25]);
            Assert.Equal(20, board.DebounceMs);

            BridgeBoard plain = BoardSpec.ParseLine("board.local", Defaults);
            Assert.Equal("default-token", plain.Token);
            Assert.Equal(5150, plain.Port);
            Assert.Null(plain.Bme280Address);
        }

        [Fact]
        public void A_bad_line_is_refused_naming_the_file_line_and_problem()
        {
            const string file = "# boards\n127.0.0.1:5150 outputs=23\n\n127.0.0.1:5151 outputs=23,x\n";
            UsageException error = Assert.Throws<UsageException>(() => BoardSpec.ParseFile(file, "boards.txt", Defaults));
            Assert.Equal("boards.txt line 4: outputs: 'x' is not a number 0..255.", error.Message);
            Assert.Contains("unknown key 'colour'", Assert.Throws<UsageException>(() => BoardSpec.ParseLine("h:1 colour=red", Defaults)).Message, System.StringComparison.Ordinal);
            Assert.Contains("pin:level", Assert.Throws<UsageException>(() => BoardSpec.ParseLine("h:1 failsafe=23", Defaults)).Message, System.StringComparison.Ordinal);
            Assert.Contains("token needs a value", Assert.Throws<UsageException>(() => BoardSpec.ParseLine("h:1 token=", Defaults)).Message, System.StringComparison.Ordinal);
            Assert.Equal(2, BoardSpec.ParseFile("a:1\n# c\nb:2 inputs=4", "f", Defaults).Count);
        }

        [Fact]
        public async Task Bridge_without_boards_or_with_a_bad_option_is_a_usage_error()
        {
            CliResult none = await Tlvctl.RunAsync("bridge", "--broker", "127.0.0.1:1");
            Assert.Equal(ExitCodes.UsageError, none.ExitCode);
            Assert.Contains("Give at least one board", none.Err, System.StringComparison.Ordinal);
            CliResult twice = await Tlvctl.RunAsync("bridge", "--device", "127.0.0.1:7", "--device", "127.0.0.1:7");
            Assert.Equal(ExitCodes.UsageError, twice.ExitCode);
            Assert.Contains("127.0.0.1:7 is listed twice", twice.Err, System.StringComparison.Ordinal);
            CliResult interval = await Tlvctl.RunAsync("bridge", "--device", "127.0.0.1:7", "--interval", "0");
            Assert.Contains("--interval must be a positive number", interval.Err, System.StringComparison.Ordinal);
            CliResult failsafe = await Tlvctl.RunAsync("bridge", "--device", "127.0.0.1:7", "--inputs", "4", "--failsafe", "4:1");
            Assert.Equal(ExitCodes.UsageError, failsafe.ExitCode);
            Assert.Contains("failsafe GPIO 4 must also be an output", failsafe.Err, System.StringComparison.Ordinal);
        }
    }
}
