using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NanoTlv.Bridge.Tests.Support;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Bridge.Tests.Integration
{
    /// <summary>Boards and the broker going away and coming back, authentication, several boards.</summary>
    public sealed class BridgeResilienceTests
    {
        [Fact]
        public async Task BoardKilledAndRestarted_GoesOffline_RefusesCommands_ThenComesBackFullyConfigured()
        {
            const string root = "nanotlv/porch/";
            using var broker = await MosquittoBroker.StartAsync();
            using var board = new BoardScope("porch");
            var log = new ConcurrentQueue<string>();
            await using MqttProbe probe = await MqttProbe.ConnectAsync(broker.Port);
            MqttBridge bridge = await Bridges.StartAsync(broker.Port, log, Bridges.FullBoard(board.Port));
            try
            {
                await probe.WaitForAsync(root + "availability", p => p == "online");
                probe.Clear();

                board.Kill();
                await probe.WaitForAsync(root + "availability", p => p == "offline");
                await probe.PublishAsync(root + "cmd/info", "{\"id\":\"while-down\"}");
                JsonElement refused = JsonDocument.Parse((await probe.WaitForAsync(root + "reply/while-down")).Payload).RootElement;
                Assert.False(refused.GetProperty("ok").GetBoolean());
                Assert.Contains("board porch is offline", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
                await probe.PublishAsync(root + "set/gpio/23", "ON");
                Assert.Contains("offline", (await probe.WaitForAsync(root + "error")).Payload, StringComparison.Ordinal);

                // A rebooted board has forgotten modes, subscriptions and failsafe levels: the bridge sets them again.
                board.Restart();
                await probe.WaitForAsync(root + "availability", p => p == "online");
                board.Board.DriveInput(Bridges.Input, true);
                await probe.WaitForAsync(root + "event/gpio/4", p => p.Contains("\"ON\"", StringComparison.Ordinal));
                await probe.PublishAsync(root + "set/gpio/23", "ON");
                await probe.WaitForAsync(root + "state/gpio/23", p => p == "ON");
                Assert.True(board.Board.IsHigh(Bridges.Output));
                Assert.False(board.Board.IsHigh(Bridges.SecondOutput));
            }
            finally
            {
                await bridge.DisposeAsync();
            }

            // The bridge closed its connection: the failsafe level it replayed on the new board applies.
            Assert.True(await Wait.TryUntilAsync(() => board.Board.IsHigh(Bridges.SecondOutput), MqttProbe.Limit));
            await probe.WaitForAsync(root + "availability", p => p == "offline");
        }

        [Fact]
        public async Task BoardThatGoesSilent_IsMarkedOfflineAfterAMissedPing_AndReconnectedWhenItAnswersAgain()
        {
            const string root = "nanotlv/attic/";
            using var broker = await MosquittoBroker.StartAsync();
            using var board = new BoardScope("attic");
            using var network = new FreezableProxy(board.Port);
            var log = new ConcurrentQueue<string>();
            await using MqttProbe probe = await MqttProbe.ConnectAsync(broker.Port);
            BridgeOptions options = Bridges.Options(broker.Port, log);
            await using MqttBridge bridge = await MqttBridge.StartAsync(options, [new BridgeBoard("127.0.0.1", network.Port) { Inputs = [Bridges.Input] }]);
            await probe.WaitForAsync(root + "availability", p => p == "online");

            probe.Clear();
            network.Freeze();
            DateTime frozenAt = DateTime.UtcNow;
            await probe.WaitForAsync(root + "availability", p => p == "offline");
            TimeSpan noticed = DateTime.UtcNow - frozenAt;
            // One keepalive interval plus one request timeout, with slack for a loaded machine.
            Assert.True(noticed < options.KeepAliveInterval + options.RequestTimeout + TimeSpan.FromSeconds(3), "offline after " + noticed);
            Assert.True(log.Any(line => line.Contains("no answer to PING", StringComparison.Ordinal)), string.Join("\n", log));

            probe.Clear();
            network.Thaw();
            await probe.WaitForAsync(root + "availability", p => p == "online");
            board.Board.DriveInput(Bridges.Input, true);
            await probe.WaitForAsync(root + "event/gpio/4");
        }

        [Fact]
        public async Task BrokerKilledAndRestarted_LosesNoRetainedState_AndTheBridgeResubscribes()
        {
            const string root = "nanotlv/shed/";
            using var broker = await MosquittoBroker.StartAsync(persistent: true);
            using var board = new BoardScope("shed");
            var log = new ConcurrentQueue<string>();
            await using MqttBridge bridge = await Bridges.StartAsync(broker.Port, log, Bridges.FullBoard(board.Port));
            await using (MqttProbe first = await MqttProbe.ConnectAsync(broker.Port))
            {
                await first.WaitForAsync(root + "availability", p => p == "online");
                await first.WaitForAsync("homeassistant/switch/shed_gpio23/config");
            }

            broker.Kill();
            board.Board.DriveInput(Bridges.Input, true); // changes while the broker is down
            await Task.Delay(300);
            await broker.RestartAsync();

            await using MqttProbe second = await MqttProbe.ConnectAsync(broker.Port);
            await second.WaitForAsync(root + "state/gpio/4", p => p == "ON");
            Assert.Equal("online", (await second.WaitForAsync(root + "availability", p => p == "online")).Payload);
            await second.WaitForAsync("homeassistant/switch/shed_gpio23/config");
            await second.WaitForAsync("homeassistant/sensor/shed_bme280_temperature/config");

            await second.PublishAsync(root + "set/gpio/23", "ON");
            await second.WaitForAsync(root + "state/gpio/23", p => p == "ON");
            Assert.True(board.Board.IsHigh(Bridges.Output));
            Assert.Contains(log, line => line.Contains("broker connection lost", StringComparison.Ordinal));
        }

        [Fact]
        public async Task TwoBoardsWithDifferentTokens_BehindABrokerWithAPassword_AreServedSeparately()
        {
            using var broker = await MosquittoBroker.StartAsync(user: "bridge", password: "s3cret");
            using var alpha = new BoardScope("alpha", token: "alpha-token");
            using var beta = new BoardScope("beta", token: "beta-token");
            using var wrong = new BoardScope("gamma", token: "gamma-token");
            var log = new ConcurrentQueue<string>();
            BridgeOptions options = Bridges.Options(broker.Port, log);
            options.UserName = "bridge";
            options.Password = "s3cret";
            BridgeBoard[] boards =
            [
                new("127.0.0.1", alpha.Port) { Token = "alpha-token", Outputs = [Bridges.Output] },
                new("127.0.0.1", beta.Port) { Token = "beta-token", Outputs = [Bridges.Output] },
                new("127.0.0.1", wrong.Port) { Token = "not-gammas", Outputs = [Bridges.Output], Id = "gamma" },
            ];
            await using MqttProbe probe = await MqttProbe.ConnectAsync(broker.Port, user: "bridge", password: "s3cret");
            await using MqttBridge bridge = await MqttBridge.StartAsync(options, boards);
            await probe.WaitForAsync("nanotlv/alpha/availability", p => p == "online");
            await probe.WaitForAsync("nanotlv/beta/availability", p => p == "online");

            await probe.PublishAsync("nanotlv/beta/set/gpio/23", "ON");
            await probe.WaitForAsync("nanotlv/beta/state/gpio/23", p => p == "ON");
            Assert.True(beta.Board.IsHigh(Bridges.Output));
            Assert.False(alpha.Board.IsHigh(Bridges.Output));

            // The board with the wrong token stays offline and says why.
            Assert.Equal("offline", (await probe.WaitForAsync("nanotlv/gamma/availability")).Payload);
            Assert.True(await Wait.TryUntilAsync(() => bridge.Boards.Single(b => b.BoardId == "gamma").LastError is not null, MqttProbe.Limit));
            BridgeBoardStatus gamma = bridge.Boards.Single(b => b.BoardId == "gamma");
            Assert.False(gamma.Online);
            Assert.Contains("HELLO", gamma.LastError, StringComparison.Ordinal);
            await probe.PublishAsync("nanotlv/gamma/cmd/ping", "{\"id\":\"p1\"}");
            Assert.Contains("offline", (await probe.WaitForAsync("nanotlv/gamma/reply/p1")).Payload, StringComparison.Ordinal);
        }

        [Fact]
        public async Task BoardsWithTheSameName_AreRefusedTheSecondTime_NotMixedUp()
        {
            using var broker = await MosquittoBroker.StartAsync();
            using var first = new BoardScope("twin");
            using var second = new BoardScope("twin");
            var log = new ConcurrentQueue<string>();
            await using MqttBridge bridge = await Bridges.StartAsync(
                broker.Port, log, new BridgeBoard("127.0.0.1", first.Port), new BridgeBoard("127.0.0.1", second.Port));
            Assert.True(await Wait.TryUntilAsync(() => bridge.Boards.Count(b => b.Online) == 1 && bridge.Boards.Any(b => b.LastError?.Contains("already used", StringComparison.Ordinal) == true), MqttProbe.Limit));
        }
    }
}
