using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;
using static NanoTlv.Cli.Tests.Commands.DeviceInfoCommandTests;

namespace NanoTlv.Cli.Tests.Commands
{
    public sealed class GpioCommandTests
    {
        private const string OutputPin = "23";
        private const int Output = 23;
        private const int Input = 4;

        [Fact]
        public async Task Mode_write_read_and_toggle_act_on_the_virtual_pin()
        {
            using var device = new RunningDevice();
            JsonElement mode = (await Ok(device.Args("gpio", "mode", OutputPin, "output", "--json"))).Json();
            Assert.Equal((Output, "output"), (mode.GetProperty("pin").GetInt32(), mode.GetProperty("mode").GetString()));
            Assert.Equal(GpioMode.Output, device.Board.Digital.GetMode(Output));

            Assert.Equal(1, (await Ok(device.Args("gpio", "write", OutputPin, "1", "--json"))).Json().GetProperty("level").GetInt32());
            Assert.True(device.Board.IsHigh(Output));
            Assert.Equal(1, (await Ok(device.Args("gpio", "read", OutputPin, "--json"))).Json().GetProperty("level").GetInt32());

            Assert.Equal(0, (await Ok(device.Args("gpio", "toggle", OutputPin, "--json"))).Json().GetProperty("level").GetInt32());
            Assert.False(device.Board.IsHigh(Output));
            Assert.Contains("pin 23 toggled to 1", (await Ok(device.Args("gpio", "toggle", OutputPin))).Out, StringComparison.Ordinal);
            Assert.True(device.Board.IsHigh(Output));
        }

        [Fact]
        public async Task Read_sees_a_level_driven_from_outside()
        {
            using var device = new RunningDevice();
            await Ok(device.Args("gpio", "mode", "4", "input-pulldown"));
            Assert.Equal(GpioMode.InputPullDown, device.Board.Digital.GetMode(Input));
            device.Board.DriveInput(Input, true);
            Assert.Contains("pin 4 = 1", (await Ok(device.Args("gpio", "read", "4"))).Out, StringComparison.Ordinal);
            device.Board.DriveInput(Input, false);
            Assert.Equal(0, (await Ok(device.Args("gpio", "read", "4", "--json"))).Json().GetProperty("level").GetInt32());
        }

        [Fact]
        public async Task Pulse_drives_the_level_then_restores_it()
        {
            using var device = new RunningDevice();
            await Ok(device.Args("gpio", "mode", OutputPin, "output"));
            await Ok(device.Args("gpio", "write", OutputPin, "0"));
            JsonElement pulse = (await Ok(device.Args("gpio", "pulse", OutputPin, "1", "300", "--json"))).Json();
            Assert.Equal(300, pulse.GetProperty("durationMs").GetInt32());
            Assert.True(await Wait.TryUntilAsync(() => device.Board.IsHigh(Output)));
            Assert.True(await Wait.TryUntilAsync(() => !device.Board.IsHigh(Output)));
        }

        [Fact]
        public async Task Watch_streams_changes_until_count_is_reached()
        {
            using var device = new RunningDevice();
            device.Board.DriveInput(Input, false);
            var output = new LockedWriter();
            var error = new LockedWriter();
            using var stop = new CancellationTokenSource(Tlvctl.Limit);
            Task<int> watch = Tlvctl.Start(output, error, stop.Token, device.Args("watch", "4", "--mode", "input", "--edges", "both", "--count", "2", "--json"));
            Assert.True(await Wait.TryUntilAsync(() => output.ToString().Contains("\"subscribed\"", StringComparison.Ordinal)), output + "\n" + error);
            device.Board.DriveInput(Input, true);
            Assert.True(await Wait.TryUntilAsync(() => output.ToString().Contains("\"pinChanged\"", StringComparison.Ordinal)));
            device.Board.DriveInput(Input, false);
            Assert.Equal(0, await watch.WaitAsync(Tlvctl.Limit));

            JsonElement[] lines = new CliResult(0, output.ToString(), error.ToString()).JsonLines();
            Assert.Equal(3, lines.Length);
            Assert.Equal(new[] { 4 }, lines[0].GetProperty("pins").EnumerateArray().Select(p => p.GetInt32()));
            Assert.Equal((4, 1), (lines[1].GetProperty("pin").GetInt32(), lines[1].GetProperty("level").GetInt32()));
            Assert.Equal((4, 0), (lines[2].GetProperty("pin").GetInt32(), lines[2].GetProperty("level").GetInt32()));
            // The device learns of the close asynchronously: its session ends (and drops the subscription) shortly after.
            Assert.True(await Wait.TryUntilAsync(() => !(device.Board.Digital.IsReportingChanges(Input) && device.Host.Server.ActiveSessions > 0)));
        }

        [Fact]
        public async Task Watch_stops_after_its_duration_and_on_cancellation()
        {
            using var device = new RunningDevice();
            CliResult timed = await Tlvctl.RunAsync(device.Args("watch", "4", "5", "--mode", "input", "--duration", "0.3"));
            Assert.Equal(0, timed.ExitCode);
            Assert.Contains("watching pins 4, 5 (both edges)", timed.Out, StringComparison.Ordinal);
            Assert.Contains("0 changes seen", timed.Out, StringComparison.Ordinal);

            var output = new LockedWriter();
            using var stop = new CancellationTokenSource();
            Task<int> watch = Tlvctl.Start(output, new LockedWriter(), stop.Token, device.Args("watch", "4"));
            Assert.True(await Wait.TryUntilAsync(() => output.ToString().Contains("watching", StringComparison.Ordinal)));
            await stop.CancelAsync();
            Assert.Equal(0, await watch.WaitAsync(Tlvctl.Limit));
        }

        [Fact]
        public async Task Watch_on_an_output_is_refused_with_exit_1()
        {
            using var device = new RunningDevice();
            await Ok(device.Args("gpio", "mode", OutputPin, "output"));
            CliResult result = await Tlvctl.RunAsync(device.Args("watch", OutputPin, "--count", "1"));
            Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
            Assert.Contains("SUBSCRIBE on pin 23 failed", result.Err, StringComparison.Ordinal);
        }
    }
}
