using System;
using System.Linq;
using System.Threading.Tasks;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Dashboard.Tests
{
    /// <summary>The dashboard reads the sensors the board lists in CAPS, at the listed address.</summary>
    public sealed class DashboardSensorTests
    {
        // CAPS of a one-pin board (GPIO 34, analog, ADC channel 6); its sensor list follows.
        private const string OnePinCaps = "01" + "22" + "0021" + "06" + "00";

        // An ANALOG_READ reply: raw 2048, 12 bits, 1650 mV.
        private static readonly byte[] AnalogData = Convert.FromHexString("08000C0672");

        [Fact]
        public async Task A_board_that_lists_no_bme280_is_not_asked_for_one()
        {
            using var device = new ScriptedDevice((opcode, _) => opcode switch
            {
                Opcode.Caps => (StatusCode.Ok, Convert.FromHexString(OnePinCaps + "01" + "0000")),
                Opcode.AnalogRead => (StatusCode.Ok, AnalogData),
                _ => (StatusCode.BadArgument, []),
            });
            await using DashboardServer server = await StartAsync(device);

            // Two rounds of the sensor loop (each reads the ADC pin, then the BME280 if the board has one).
            Wait.Until(() => device.Requests.Count(r => r.Opcode == Opcode.AnalogRead) >= 2, "two ADC reads");
            Assert.DoesNotContain(device.Requests, r => r.Opcode == Opcode.SensorRead);
            Assert.Contains(server.Snapshot()[0].Log, entry => entry.Text == "the board lists no BME280 in CAPS; not reading one");
        }

        [Fact]
        public async Task A_listed_bme280_is_read_at_the_address_caps_gives()
        {
            using var device = new ScriptedDevice((opcode, _) => opcode switch
            {
                Opcode.Caps => (StatusCode.Ok, Convert.FromHexString(OnePinCaps + "02" + "0000" + "0177")),
                Opcode.AnalogRead => (StatusCode.Ok, AnalogData),
                Opcode.SensorRead => (StatusCode.Ok, Convert.FromHexString("00000866018BCD000000B400")),
                _ => (StatusCode.BadArgument, []),
            });
            await using DashboardServer server = await StartAsync(device);

            Wait.Until(() => server.Snapshot()[0].Bme280.Count >= 2, "two BME280 points");
            Assert.All(device.Requests.Where(r => r.Opcode == Opcode.SensorRead), r => Assert.Equal("0177", Convert.ToHexString(r.Arguments)));
            Assert.Equal(21.5, server.Snapshot()[0].Bme280[0].TemperatureCelsius, 2);
        }

        private static Task<DashboardServer> StartAsync(ScriptedDevice device) =>
            DashboardServer.StartAsync(new DashboardOptions
            {
                Boards = [new BoardEndpoint("127.0.0.1", device.Port, null)],
                AdcPins = [34],
                SensorInterval = TimeSpan.FromMilliseconds(50),
            });
    }
}
