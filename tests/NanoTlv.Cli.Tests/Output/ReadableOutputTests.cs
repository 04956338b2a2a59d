using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NanoTlv.Cli.Output;
using NanoTlv.Cli.Tests.Commands;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Cli.Tests.Output
{
    /// <summary>Durations, numbers and memory figures as a person reads them (issue 16's output items).</summary>
    public sealed class ReadableOutputTests
    {
        [Theory]
        [InlineData(0, "0 s")]
        [InlineData(35_400, "35 s")]
        [InlineData(95_000, "1 min 35 s")]
        [InlineData(3_599_999, "59 min 59 s")]
        [InlineData(7_380_000, "2 h 03 min")]
        [InlineData(277_500_000, "3 d 05 h")]
        public void Durations_print_their_two_largest_units(long ms, string expected) =>
            Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(ms)));

        [Fact]
        public void Durations_in_json_are_iso_8601() =>
            Assert.Equal("PT1M35.25S", Durations.Iso8601(TimeSpan.FromMilliseconds(95_250)));

        [Fact]
        public void Json_numbers_with_a_fraction_keep_three_decimals()
        {
            string json = JsonOutput.Serialize(new { avgMs = 0.5832999999999999, roundTripMs = new[] { 1.23456, 2.0 }, count = 3, nan = double.NaN });
            Assert.Equal("{\"avgMs\":0.583,\"roundTripMs\":[1.235,2],\"count\":3,\"nan\":\"NaN\"}", json);
        }

        [Fact]
        public async Task Ping_json_latencies_are_rounded()
        {
            using var device = new RunningDevice();
            JsonElement ping = (await DeviceInfoCommandTests.Ok(device.Args("ping", "--count", "5", "--json"))).Json();
            double[] figures = [.. ping.GetProperty("roundTripMs").EnumerateArray().Select(e => e.GetDouble()), ping.GetProperty("avgMs").GetDouble()];
            Assert.All(figures, ms => Assert.Equal(Math.Round(ms, 3), ms));
        }

        [Fact]
        public async Task Info_prints_uptime_in_units_and_the_virtual_device_memory_as_real_figures()
        {
            using var device = new RunningDevice();
            device.Board.System.Advance(95_000);
            CliResult text = await DeviceInfoCommandTests.Ok(device.Args("info"));
            Assert.Contains("1 min 3", text.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("0.00:", text.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("Free memory            │ 0 B", text.Out, StringComparison.Ordinal);

            JsonElement info = (await DeviceInfoCommandTests.Ok(device.Args("info", "--json"))).Json();
            long free = info.GetProperty("freeMemoryBytes").GetInt64();
            long total = info.GetProperty("totalMemoryBytes").GetInt64();
            Assert.InRange(free, 1, total);
            Assert.True(info.GetProperty("memoryReported").GetBoolean());
            Assert.StartsWith("PT1M3", info.GetProperty("uptime").GetString(), StringComparison.Ordinal);
            Assert.InRange(info.GetProperty("uptimeSeconds").GetDouble(), 95, 200);
        }

        [Fact]
        public async Task Info_says_when_the_device_does_not_report_memory()
        {
            using var device = new RunningDevice();
            device.Board.System.FreeMemoryBytes = 0;
            device.Board.System.TotalMemoryBytes = 0;
            CliResult text = await DeviceInfoCommandTests.Ok(device.Args("info"));
            Assert.Contains("not reported by the device", text.Out, StringComparison.Ordinal);
            Assert.False((await DeviceInfoCommandTests.Ok(device.Args("info", "--json"))).Json().GetProperty("memoryReported").GetBoolean());
        }
    }
}
