using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Cli.Tests.Commands
{
    public sealed class ServeAndDemoTests
    {
        [Fact]
        public async Task Serve_runs_a_virtual_device_until_cancelled()
        {
            var output = new LockedWriter();
            var error = new LockedWriter();
            using var stop = new CancellationTokenSource(Tlvctl.Limit);
            Task<int> serve = Tlvctl.Start(output, error, stop.Token, "serve", "--port", "0", "--name", "served", "--max-clients", "2", "--max-payload", "512", "--json");
            Assert.True(await Wait.TryUntilAsync(() => output.ToString().Contains("\"listening\"", StringComparison.Ordinal)), output + "\n" + error);
            JsonElement listening = JsonDocument.Parse(output.ToString().Split('\n')[0]).RootElement;
            int port = listening.GetProperty("port").GetInt32();
            Assert.True(port > 0);
            Assert.Equal(2, listening.GetProperty("maxClients").GetInt32());

            CliResult hello = await Tlvctl.RunAsync("hello", "--json", "--device", "127.0.0.1:" + port);
            Assert.Equal(0, hello.ExitCode);
            Assert.Equal("served", hello.Json().GetProperty("name").GetString());
            Assert.Equal(512, hello.Json().GetProperty("maxPayloadBytes").GetInt32());
            Assert.True(await Wait.TryUntilAsync(() => error.ToString().Contains("connected", StringComparison.Ordinal)), "device log: " + error);

            await stop.CancelAsync();
            Assert.Equal(0, await serve.WaitAsync(Tlvctl.Limit));
            Assert.Contains("\"stopped\"", output.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Serve_with_a_token_refuses_commands_until_it_is_given()
        {
            var output = new LockedWriter();
            using var stop = new CancellationTokenSource(Tlvctl.Limit);
            Task<int> serve = Tlvctl.Start(output, new LockedWriter(), stop.Token, "serve", "--port", "0", "--token", "open-sesame");
            Assert.True(await Wait.TryUntilAsync(() => output.ToString().Contains("listening on 127.0.0.1:", StringComparison.Ordinal)));
            string text = output.ToString();
            Assert.DoesNotContain("open-sesame", text, StringComparison.Ordinal);
            int start = text.IndexOf("127.0.0.1:", StringComparison.Ordinal) + "127.0.0.1:".Length;
            string port = new(text[start..].TakeWhile(char.IsDigit).ToArray());
            string device = "127.0.0.1:" + port;

            CliResult refused = await Tlvctl.RunAsync("info", "--device", device);
            Assert.Equal(ExitCodes.DeviceError, refused.ExitCode);
            Assert.Contains("NotAuthenticated", refused.Err, StringComparison.Ordinal);

            CliResult wrong = await Tlvctl.RunAsync("info", "--device", device, "--token", "guess");
            Assert.Equal(ExitCodes.DeviceError, wrong.ExitCode);
            Assert.DoesNotContain("guess", wrong.Out + wrong.Err, StringComparison.Ordinal);

            CliResult granted = await Tlvctl.RunAsync("info", "--device", device, "--token", "open-sesame", "--json");
            Assert.Equal(0, granted.ExitCode);
            Assert.DoesNotContain("open-sesame", granted.Out + granted.Err, StringComparison.Ordinal);

            var environment = new Dictionary<string, string> { ["TLVCTL_DEVICE"] = device, ["TLVCTL_TOKEN"] = "open-sesame" };
            CliResult fromEnvironment = await Tlvctl.RunAsync(environment, CancellationToken.None, "info", "--json");
            Assert.Equal(0, fromEnvironment.ExitCode);
            Assert.True(fromEnvironment.Json().GetProperty("framesReceived").GetInt64() > 0);

            await stop.CancelAsync();
            Assert.Equal(0, await serve.WaitAsync(Tlvctl.Limit));
        }

        [Fact]
        public async Task Serve_on_a_port_in_use_exits_3()
        {
            using var device = new RunningDevice();
            CliResult result = await Tlvctl.RunAsync("serve", "--port", device.Host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(ExitCodes.ConnectionError, result.ExitCode);
            Assert.Contains("Cannot listen on 127.0.0.1:" + device.Host.Port, result.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Demo_walks_through_every_step_and_exits_0()
        {
            CliResult result = await Tlvctl.RunAsync("demo", "--seed", "4");
            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (string step in new[] { "1. hello", "2. caps", "3. blink", "4. adc", "5. bme280", "6. events", "7. pwm", "8. errors" })
            {
                Assert.Contains(step, result.Out, StringComparison.Ordinal);
            }

            Assert.Contains("virtual pin HIGH", result.Out, StringComparison.Ordinal);
            Assert.Contains("event pin 4 = 1", result.Out, StringComparison.Ordinal);
            Assert.Contains("harness passed", result.Out, StringComparison.Ordinal);
            Assert.Contains("demo passed", result.Out, StringComparison.Ordinal);

            CliResult json = await Tlvctl.RunAsync("demo", "--json", "--frames", "5");
            Assert.Equal(0, json.ExitCode);
            JsonElement report = json.Json();
            Assert.True(report.GetProperty("passed").GetBoolean());
            Assert.Equal(9, report.GetProperty("steps").GetArrayLength());
            Assert.All(report.GetProperty("steps").EnumerateArray(), step => Assert.True(step.GetProperty("passed").GetBoolean()));
        }
    }
}
