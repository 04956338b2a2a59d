using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Cli.Tests.Commands
{
    public sealed class DashboardCommandTests
    {
        [Fact]
        public async Task Dashboard_serves_every_device_given_and_stops_on_cancel()
        {
            using var first = new RunningDevice();
            using var second = new RunningDevice();
            var output = new LockedWriter();
            var error = new LockedWriter();
            using var stop = new CancellationTokenSource(Tlvctl.Limit);
            Task<int> dashboard = Tlvctl.Start(output, error, stop.Token, "dashboard", "--device", first.Address, "--device", second.Address, "--port", "0", "--inputs", "4,5", "--outputs", "23", "--json");
            Assert.True(await Wait.TryUntilAsync(() => output.ToString().Contains("\"listening\"", StringComparison.Ordinal)), output + "\n" + error);
            JsonElement listening = JsonDocument.Parse(output.ToString().Split('\n')[0]).RootElement;
            var url = new Uri(listening.GetProperty("url").GetString()!);
            Assert.Equal("127.0.0.1", url.Host);

            using var http = new HttpClient { BaseAddress = url };
            Assert.True(await Wait.TryUntilAsync(() => first.Board.Digital.IsReportingChanges(5) && second.Board.Digital.IsReportingChanges(4)), "inputs subscribed on both boards");
            using JsonDocument boards = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/boards", UriKind.Relative)));
            Assert.Equal(2, boards.RootElement.GetArrayLength());
            Assert.Equal(second.Address, boards.RootElement[1].GetProperty("address").GetString());

            await stop.CancelAsync();
            Assert.Equal(ExitCodes.Ok, await dashboard.WaitAsync(Tlvctl.Limit));
            Assert.Contains("\"stopped\"", output.ToString(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--listen", "not-an-address", "is not an IP address")]
        [InlineData("--inputs", "4,x", "'x' is not a pin number")]
        [InlineData("--outputs", "300", "Pin 300 is out of range")]
        public async Task Dashboard_refuses_bad_options_with_a_usage_error(string option, string value, string message)
        {
            CliResult result = await Tlvctl.RunAsync("dashboard", "--port", "0", option, value);

            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains(message, result.Err, StringComparison.Ordinal);
        }
    }
}
