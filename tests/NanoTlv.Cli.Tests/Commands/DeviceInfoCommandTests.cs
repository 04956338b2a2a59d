using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Cli.Tests.Commands
{
    public sealed class DeviceInfoCommandTests
    {
        [Fact]
        public async Task Hello_reports_the_device_in_json_and_text()
        {
            using var device = new RunningDevice();
            JsonElement hello = (await Ok(device.Args("hello", "--json"))).Json();
            Assert.Equal(RunningDevice.DefaultName, hello.GetProperty("name").GetString());
            Assert.Equal("1.4.2", hello.GetProperty("firmware").GetString()); // RunningDevice.DefaultFirmware
            Assert.Equal(1024, hello.GetProperty("maxPayloadBytes").GetInt32());
            Assert.Equal(1, hello.GetProperty("protocolVersion").GetInt32());
            Assert.True(hello.GetProperty("authenticated").GetBoolean());
            string[] capabilities = hello.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()!).ToArray();
            Assert.Contains("digital", capabilities);
            Assert.Contains("i2c", capabilities);

            CliResult text = await Ok(device.Args("hello"));
            Assert.Contains(RunningDevice.DefaultName + " at " + device.Address + ": firmware 1.4.2", text.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Info_reports_counters_and_connections()
        {
            using var device = new RunningDevice(o => o.MaxClients = 3);
            JsonElement info = (await Ok(device.Args("info", "--json"))).Json();
            Assert.Equal(1, info.GetProperty("clients").GetInt32());
            Assert.Equal(3, info.GetProperty("maxClients").GetInt32());
            Assert.True(info.GetProperty("framesReceived").GetInt64() >= 2);
            Assert.True(info.GetProperty("totalMemoryBytes").GetInt64() > 0);
            Assert.Equal(0, info.GetProperty("failedAuthentications").GetInt64());
            Assert.Equal(0, info.GetProperty("rejectedConnections").GetInt64());

            CliResult table = await Ok(device.Args("info"));
            Assert.Contains("Frames received", table.Out, StringComparison.Ordinal);
            Assert.Contains("1 of 3", table.Out, StringComparison.Ordinal);
            Assert.Contains("Failed authentications", table.Out, StringComparison.Ordinal);
            Assert.Contains("Rejected connections", table.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Caps_lists_every_pin_of_the_board()
        {
            using var device = new RunningDevice();
            JsonElement[] pins = (await Ok(device.Args("caps", "--json"))).Json().GetProperty("pins").EnumerateArray().ToArray();
            int expected = Enumerable.Range(0, device.Board.Description.PinCount).Count(p => device.Board.Description.GetPin(p) is not null);
            Assert.Equal(expected, pins.Length);
            JsonElement flash = pins.Single(p => p.GetProperty("pin").GetInt32() == 6);
            Assert.Equal(new[] { "reserved" }, flash.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(6, pins.Single(p => p.GetProperty("pin").GetInt32() == 34).GetProperty("adcChannel").GetInt32());
            Assert.Equal(JsonValueKind.Null, pins.Single(p => p.GetProperty("pin").GetInt32() == 23).GetProperty("adcChannel").ValueKind);

            Assert.Equal("wired to the SPI flash", flash.GetProperty("reserved").GetString());
            Assert.StartsWith("UART0", pins.Single(p => p.GetProperty("pin").GetInt32() == 1).GetProperty("reserved").GetString(), StringComparison.Ordinal);
            Assert.Equal("drives the firmware's status LED", pins.Single(p => p.GetProperty("pin").GetInt32() == 2).GetProperty("reserved").GetString());
            Assert.Equal("the I2C bus's SDA line", pins.Single(p => p.GetProperty("pin").GetInt32() == 21).GetProperty("reserved").GetString());
            Assert.Equal(JsonValueKind.Null, pins.Single(p => p.GetProperty("pin").GetInt32() == 23).GetProperty("reserved").ValueKind);

            CliResult table = await Ok(device.Args("caps"));
            Assert.Contains("│   6 │ Reserved", table.Out, StringComparison.Ordinal);
            Assert.Contains("wired to the SPI flash", table.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Caps_lists_the_sensors_the_board_reads_in_text_and_json()
        {
            using var device = new RunningDevice();
            JsonElement[] sensors = (await Ok(device.Args("caps", "--json"))).Json().GetProperty("sensors").EnumerateArray().ToArray();
            Assert.Equal(new[] { "internal", "bme280" }, sensors.Select(s => s.GetProperty("sensor").GetString()));
            Assert.Equal(new[] { 0, 1 }, sensors.Select(s => s.GetProperty("kind").GetInt32()));
            Assert.Equal(JsonValueKind.Null, sensors[0].GetProperty("defaultAddress").ValueKind);
            Assert.Equal(0x76, sensors[1].GetProperty("defaultAddress").GetInt32());
            Assert.Equal("0x76", sensors[1].GetProperty("defaultAddressHex").GetString());

            Assert.Contains("sensors: internal, bme280 (I2C, default 0x76)", (await Ok(device.Args("caps"))).Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Caps_of_firmware_without_the_sensor_list_says_so()
        {
            // One pin (GPIO 5, digital in/out), and the reply ends there as in firmware before the sensor list.
            using var device = new ScriptedDevice((_, _) => (StatusCode.Ok, Convert.FromHexString("01050003FF00")));
            Assert.Equal(JsonValueKind.Null, (await Ok(device.Args("caps", "--json"))).Json().GetProperty("sensors").ValueKind);
            Assert.Contains("sensors: not listed by this firmware", (await Ok(device.Args("caps"))).Out, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("1", "UART0, nanoFramework's debug and deployment link")]
        [InlineData("2", "drives the firmware's status LED")]
        [InlineData("22", "the I2C bus's SCL line")]
        [InlineData("6", "wired to the SPI flash")]
        public async Task A_reserved_pin_error_says_why_the_pin_is_reserved(string pin, string reason)
        {
            using var device = new RunningDevice();
            CliResult result = await Tlvctl.RunAsync(device.Args("gpio", "read", pin, "--json"));
            Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
            Assert.Contains("GPIO " + pin + " is reserved: " + reason, result.Err, StringComparison.Ordinal);
            Assert.Contains(reason, result.Json().GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Ping_prints_one_latency_per_echo()
        {
            using var device = new RunningDevice();
            JsonElement ping = (await Ok(device.Args("ping", "--count", "3", "--size", "16", "--json"))).Json();
            Assert.Equal(3, ping.GetProperty("count").GetInt32());
            Assert.Equal(16, ping.GetProperty("sizeBytes").GetInt32());
            double[] latencies = ping.GetProperty("roundTripMs").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(3, latencies.Length);
            Assert.All(latencies, ms => Assert.InRange(ms, 0.0001, 5000));

            CliResult text = await Ok(device.Args("ping", "-c", "2"));
            Assert.Equal(2, text.Lines.Count(l => l.StartsWith("reply from " + device.Address + ": seq=", StringComparison.Ordinal)));
        }

        internal static async Task<CliResult> Ok(string[] args)
        {
            CliResult result = await Tlvctl.RunAsync(args);
            Assert.True(result.ExitCode == 0, result.ToString());
            return result;
        }
    }
}
