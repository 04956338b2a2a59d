using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NanoTlv.Bridge.Tests.Support;
using Xunit;

namespace NanoTlv.Bridge.Tests.Integration
{
    /// <summary>Every topic of docs/mqtt.md against a virtual board, through a real Mosquitto broker.</summary>
    public sealed class BridgeTopicsTests
    {
        private const string Root = "nanotlv/kitchen/";

        [Fact]
        public async Task States_Availability_And_Discovery_ArePublishedRetained()
        {
            using var broker = await MosquittoBroker.StartAsync();
            using var board = new BoardScope("kitchen");
            board.Board.SetAnalogMillivolts(Bridges.AdcPin, 1650);
            board.Board.SetEnvironment(21.5, 101325, 40);
            var log = new ConcurrentQueue<string>();
            await using (MqttBridge bridge = await Bridges.StartAsync(broker.Port, log, Bridges.FullBoard(board.Port)))
            {
                await using MqttProbe live = await MqttProbe.ConnectAsync(broker.Port);
                await live.WaitForAsync(Root + "availability", p => p == "online");
            }

            // A subscriber that comes later gets everything from the broker's retained store.
            await using MqttProbe late = await MqttProbe.ConnectAsync(broker.Port);
            Assert.Equal("offline", (await late.WaitForAsync(Root + "availability")).Payload);
            Assert.Equal("OFF", (await late.WaitForAsync(Root + "state/gpio/" + Bridges.Output)).Payload);
            Assert.Equal("OFF", (await late.WaitForAsync(Root + "state/gpio/" + Bridges.Input)).Payload);
            using (JsonDocument adc = JsonDocument.Parse((await late.WaitForAsync(Root + "state/adc/" + Bridges.AdcChannel)).Payload))
            {
                Assert.Equal(Bridges.AdcPin, adc.RootElement.GetProperty("pin").GetInt32());
                Assert.InRange(adc.RootElement.GetProperty("millivolts").GetInt32(), 1640, 1660);
            }

            using (JsonDocument bme = JsonDocument.Parse((await late.WaitForAsync(Root + "state/sensor/bme280")).Payload))
            {
                Assert.InRange(bme.RootElement.GetProperty("temperature_c").GetDouble(), 21.4, 21.6);
                Assert.InRange(bme.RootElement.GetProperty("pressure_hpa").GetDouble(), 1012.5, 1014.0);
                Assert.InRange(bme.RootElement.GetProperty("humidity_percent").GetDouble(), 39, 41);
            }

            Assert.All(late.Messages.Where(m => m.Topic.StartsWith(Root + "state/", StringComparison.Ordinal)), m => Assert.True(m.Retained));

            using JsonDocument output = JsonDocument.Parse((await late.WaitForAsync("homeassistant/switch/kitchen_gpio23/config")).Payload);
            Assert.Equal(Root + "state/gpio/23", output.RootElement.GetProperty("state_topic").GetString());
            Assert.Equal(Root + "set/gpio/23", output.RootElement.GetProperty("command_topic").GetString());
            Assert.Equal(Root + "availability", output.RootElement.GetProperty("availability_topic").GetString());
            Assert.Equal("nanotlv_kitchen_gpio23", output.RootElement.GetProperty("unique_id").GetString());
            Assert.Equal("1.2.3", output.RootElement.GetProperty("device").GetProperty("sw_version").GetString());
            using JsonDocument input = JsonDocument.Parse((await late.WaitForAsync("homeassistant/binary_sensor/kitchen_gpio4/config")).Payload);
            Assert.Equal(Root + "state/gpio/4", input.RootElement.GetProperty("state_topic").GetString());
            Assert.False(input.RootElement.TryGetProperty("command_topic", out _));
            using JsonDocument adcConfig = JsonDocument.Parse((await late.WaitForAsync("homeassistant/sensor/kitchen_adc6/config")).Payload);
            Assert.Equal("{{ value_json.millivolts }}", adcConfig.RootElement.GetProperty("value_template").GetString());
            Assert.Equal("voltage", adcConfig.RootElement.GetProperty("device_class").GetString());
            foreach ((string thing, string field) in new[] { ("temperature", "temperature_c"), ("pressure", "pressure_hpa"), ("humidity", "humidity_percent") })
            {
                using JsonDocument sensor = JsonDocument.Parse((await late.WaitForAsync("homeassistant/sensor/kitchen_bme280_" + thing + "/config")).Payload);
                Assert.Equal(Root + "state/sensor/bme280", sensor.RootElement.GetProperty("state_topic").GetString());
                Assert.Equal("{{ value_json." + field + " }}", sensor.RootElement.GetProperty("value_template").GetString());
                Assert.Equal(thing, sensor.RootElement.GetProperty("device_class").GetString());
            }
        }

        [Fact]
        public async Task Sets_Events_Commands_And_PeriodicSensors_Work()
        {
            using var broker = await MosquittoBroker.StartAsync();
            using var board = new BoardScope("kitchen");
            var log = new ConcurrentQueue<string>();
            await using MqttProbe probe = await MqttProbe.ConnectAsync(broker.Port);
            await using MqttBridge bridge = await Bridges.StartAsync(broker.Port, log, Bridges.FullBoard(board.Port));
            await probe.WaitForAsync(Root + "availability", p => p == "online");

            await probe.PublishAsync(Root + "set/gpio/23", "ON");
            await probe.WaitForAsync(Root + "state/gpio/23", p => p == "ON");
            Assert.True(board.Board.IsHigh(Bridges.Output));

            await probe.PublishAsync(Root + "set/pwm/18", "{\"duty\":25,\"frequency\":2000}");
            using (JsonDocument pwm = JsonDocument.Parse((await probe.WaitForAsync(Root + "state/pwm/18")).Payload))
            {
                Assert.True(pwm.RootElement.GetProperty("running").GetBoolean());
                Assert.Equal(2000, pwm.RootElement.GetProperty("frequency_hz").GetInt32());
            }

            Assert.Equal(2000, board.Board.GetPwmState(Bridges.PwmPin).FrequencyHz);
            Assert.Equal(2500, board.Board.GetPwmState(Bridges.PwmPin).DutyTenThousandths);

            board.Board.DriveInput(Bridges.Input, true);
            using (JsonDocument change = JsonDocument.Parse((await probe.WaitForAsync(Root + "event/gpio/4")).Payload))
            {
                Assert.Equal("ON", change.RootElement.GetProperty("state").GetString());
                Assert.Equal(Bridges.Input, change.RootElement.GetProperty("pin").GetInt32());
            }

            await probe.WaitForAsync(Root + "state/gpio/4", p => p == "ON");

            await probe.PublishAsync(Root + "cmd/info", "{\"id\":\"r1\"}");
            using (JsonDocument reply = JsonDocument.Parse((await probe.WaitForAsync(Root + "reply/r1")).Payload))
            {
                Assert.True(reply.RootElement.GetProperty("ok").GetBoolean());
                Assert.True(reply.RootElement.GetProperty("result").GetProperty("uptime_ms").GetInt64() >= 0);
            }

            await probe.PublishAsync(Root + "cmd/toggle", "{\"id\":\"r2\",\"pin\":23}");
            using (JsonDocument reply = JsonDocument.Parse((await probe.WaitForAsync(Root + "reply/r2")).Payload))
            {
                Assert.Equal("OFF", reply.RootElement.GetProperty("result").GetProperty("state").GetString());
            }

            Assert.False(board.Board.IsHigh(Bridges.Output));

            // --interval: a changed ADC input shows up without being asked for.
            board.Board.SetAnalogMillivolts(Bridges.AdcPin, 3000);
            await probe.WaitForAsync(Root + "state/adc/6", p => JsonDocument.Parse(p).RootElement.GetProperty("millivolts").GetInt32() > 2900);
        }

        [Fact]
        public async Task BadPayloads_GetErrorRepliesNamingTheProblem_AndChangeNothing()
        {
            using var broker = await MosquittoBroker.StartAsync();
            using var board = new BoardScope("kitchen");
            var log = new ConcurrentQueue<string>();
            await using MqttProbe probe = await MqttProbe.ConnectAsync(broker.Port);
            await using MqttBridge bridge = await Bridges.StartAsync(broker.Port, log, Bridges.FullBoard(board.Port));
            await probe.WaitForAsync(Root + "availability", p => p == "online");

            await probe.PublishAsync(Root + "set/gpio/23", "MAYBE");
            Assert.Contains("'MAYBE' is not a level", Error(await probe.WaitForAsync(Root + "error", p => p.Contains("MAYBE", StringComparison.Ordinal))));
            await probe.PublishAsync(Root + "set/gpio/7", "ON");
            Assert.Contains("GPIO 7 is not a configured output", Error(await probe.WaitForAsync(Root + "error", p => p.Contains("GPIO 7", StringComparison.Ordinal))));
            await probe.PublishAsync(Root + "set/gpio/x1", "ON");
            Assert.Contains("'x1' is not a GPIO number", Error(await probe.WaitForAsync(Root + "error", p => p.Contains("x1", StringComparison.Ordinal))));
            await probe.PublishAsync(Root + "set/pwm/18", "150");
            Assert.Contains("duty 150 is out of range", Error(await probe.WaitForAsync(Root + "error", p => p.Contains("150", StringComparison.Ordinal))));
            await probe.PublishAsync(Root + "set/pwm/18", "{\"duty\":\"half\"}");
            Assert.Contains("\\u0022duty\\u0022 must be a number", (await probe.WaitForAsync(Root + "error", p => p.Contains("half", StringComparison.Ordinal))).Payload);
            await probe.PublishAsync(Root + "cmd/info", "not json");
            Assert.Contains("not valid JSON", Error(await probe.WaitForAsync(Root + "error", p => p.Contains("not json", StringComparison.Ordinal))));
            await probe.PublishAsync(Root + "cmd/launch", "{\"id\":\"q1\"}");
            Assert.Contains("unknown command 'launch'", ReplyError(await probe.WaitForAsync(Root + "reply/q1")));
            await probe.PublishAsync(Root + "cmd/read_gpio", "{\"id\":\"q2\"}");
            Assert.Contains("needs \"pin\"", ReplyError(await probe.WaitForAsync(Root + "reply/q2")));
            await probe.PublishAsync(Root + "cmd/toggle", "{\"id\":\"q3\",\"pin\":4}");
            Assert.Contains("GPIO 4 is not one of this board's outputs", ReplyError(await probe.WaitForAsync(Root + "reply/q3")));

            // Nothing changed on the board, and good requests still work afterwards.
            Assert.False(board.Board.IsHigh(Bridges.Output));
            Assert.False(board.Board.GetPwmState(Bridges.PwmPin).IsRunning);
            Assert.DoesNotContain(probe.Messages, m => m.Topic == Root + "state/gpio/23" && m.Payload == "ON");
            await probe.PublishAsync(Root + "set/gpio/23", "on");
            await probe.WaitForAsync(Root + "state/gpio/23", p => p == "ON");
            Assert.True(board.Board.IsHigh(Bridges.Output));
        }

        private static string Error(ProbeMessage message) => JsonDocument.Parse(message.Payload).RootElement.GetProperty("error").GetString()!;

        private static string ReplyError(ProbeMessage message)
        {
            JsonElement root = JsonDocument.Parse(message.Payload).RootElement;
            Assert.False(root.GetProperty("ok").GetBoolean());
            return root.GetProperty("error").GetString()!;
        }
    }
}
