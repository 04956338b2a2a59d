using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;
using static NanoTlv.Cli.Tests.Commands.DeviceInfoCommandTests;

namespace NanoTlv.Cli.Tests.Commands
{
    /// <summary><c>tlvctl sensor</c>: names from the catalogue, the default address from CAPS (else the catalogue),
    /// raw hex for data without a decoder.</summary>
    public sealed class SensorCommandTests
    {
        // A BME280 measurement (21.50 °C, 101325 Pa, 45 %RH) in the wire's layout.
        private static readonly byte[] Bme280Data = Convert.FromHexString("00000866018BCD000000B400");

        // CAPS of a one-pin board; its sensor list, when given, follows the pin.
        private const string OnePin = "01050003FF00";

        [Fact]
        public async Task The_default_address_comes_from_the_boards_caps()
        {
            // The board lists its BME280 at 0x77, not the catalogue's 0x76.
            using var device = new ScriptedDevice((opcode, _) => opcode == Opcode.Caps
                ? (StatusCode.Ok, Convert.FromHexString(OnePin + "02" + "0000" + "0177"))
                : (StatusCode.Ok, Bme280Data));

            CliResult result = await Ok(device.Args("sensor", "bme280"));

            Assert.Contains("BME280 at 0x77: 21.50 °C, 1013.25 hPa, 45.0 %RH", result.Out, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Err);
            Assert.Equal(new[] { Opcode.Caps, Opcode.SensorRead }, device.Requests.Select(r => r.Opcode));
            Assert.Equal("0177", Convert.ToHexString(device.Requests.Last().Arguments));
        }

        [Theory]
        [InlineData(StatusCode.Ok, OnePin + "01" + "0000", "the board's CAPS does not list a bme280")]
        [InlineData(StatusCode.Ok, OnePin, "the board's firmware does not list its sensors in CAPS")]
        [InlineData(StatusCode.Busy, "", "the board's CAPS could not be read (CAPS failed: Busy")]
        [InlineData(StatusCode.Ok, OnePin + "05", "the board's CAPS could not be read (CAPS reply (request id 2) has 7 data bytes; expected 17 bytes.)")]
        public async Task Without_a_caps_entry_the_catalogue_default_is_used_and_the_note_says_why(StatusCode capsStatus, string capsHex, string why)
        {
            using var device = new ScriptedDevice((opcode, _) => opcode == Opcode.Caps
                ? (capsStatus, capsStatus == StatusCode.Ok ? Convert.FromHexString(capsHex) : [])
                : (StatusCode.Ok, Bme280Data));

            CliResult result = await Ok(device.Args("sensor", "bme280", "--json"));

            Assert.Equal(0x76, result.Json().GetProperty("address").GetInt32());
            Assert.Equal("0176", Convert.ToHexString(device.Requests.Last().Arguments));
            Assert.StartsWith("note: " + why, result.Err, StringComparison.Ordinal);
            Assert.EndsWith("reading at the catalogue's default address 0x76." + Environment.NewLine, result.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_address_given_is_used_without_asking_caps()
        {
            using var device = new ScriptedDevice((_, _) => (StatusCode.Ok, Bme280Data));
            Assert.Contains("BME280 at 0x77:", (await Ok(device.Args("sensor", "bme280", "--address", "0x77"))).Out, StringComparison.Ordinal);
            Assert.Equal(new[] { Opcode.SensorRead }, device.Requests.Select(r => r.Opcode));
        }

        [Fact]
        public async Task Raw_prints_the_reply_data_as_hex_in_text_and_json()
        {
            using var device = new RunningDevice();
            device.Board.System.InternalTemperatureCentiCelsius = 5125;
            Assert.Equal("internal: 00 00 14 05", (await Ok(device.Args("sensor", "internal", "--raw"))).Out.Trim());
            JsonElement chip = (await Ok(device.Args("sensor", "internal", "--raw", "--json"))).Json();
            Assert.Equal(("internal", "00001405", JsonValueKind.Null), (chip.GetProperty("sensor").GetString(), chip.GetProperty("data").GetString(), chip.GetProperty("address").ValueKind));

            device.Board.SetEnvironment(21.5, 101325, 45);
            JsonElement bme = (await Ok(device.Args("sensor", "bme280", "--raw", "--json"))).Json();
            Assert.Equal(("bme280", 0x76, "0x76"), (bme.GetProperty("sensor").GetString(), bme.GetProperty("address").GetInt32(), bme.GetProperty("addressHex").GetString()));
            Assert.Equal(MessageCatalog.SensorReplyBytes((byte)SensorKind.Bme280) * 2, bme.GetProperty("data").GetString()!.Length);
            Assert.StartsWith("00 00 08 66", (await Ok(device.Args("sensor", "bme280", "--raw"))).Out.Split(": ")[1], StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("sht99")]
        [InlineData("")]
        public async Task An_unknown_sensor_is_a_usage_error_that_lists_the_known_ones(string name)
        {
            string known = string.Join(", ", MessageCatalog.Sensors.Select(s => MessageCatalog.SensorNameOf((byte)s)));
            CliResult result = await Tlvctl.RunAsync("sensor", name, "--device", "127.0.0.1:1");
            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("error: '" + name + "' is not a sensor; known sensors: " + known + ".", result.Err, StringComparison.Ordinal);

            CliResult json = await Tlvctl.RunAsync("sensor", name, "--json", "--device", "127.0.0.1:1");
            Assert.Equal(ExitCodes.UsageError, json.ExitCode);
            JsonElement error = json.Json().GetProperty("error");
            Assert.Equal(("usage", 2), (error.GetProperty("kind").GetString(), error.GetProperty("exitCode").GetInt32()));
            Assert.Contains("known sensors: " + known, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_address_for_a_sensor_off_the_bus_is_a_usage_error()
        {
            CliResult result = await Tlvctl.RunAsync("sensor", "internal", "--address", "0x76", "--device", "127.0.0.1:1");
            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("error: The internal sensor is not on the I2C bus; it takes no --address.", result.Err, StringComparison.Ordinal);
        }
    }
}
