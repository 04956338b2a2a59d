using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NanoTlv.Cli.Harness;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Cli.Tests.Harness
{
    public sealed class HarnessCommandTests
    {
        [Fact]
        public async Task Every_strategy_passes_against_the_virtual_device()
        {
            using var device = new RunningDevice();
            CliResult result = await Tlvctl.RunAsync(device.Args("harness", "--frames", "30", "--seed", "11", "--json"));
            Assert.True(result.ExitCode == 0, result.ToString());
            JsonElement report = result.Json();
            Assert.True(report.GetProperty("passed").GetBoolean());
            Assert.Equal(11, report.GetProperty("seed").GetInt32());
            JsonElement[] strategies = report.GetProperty("strategies").EnumerateArray().ToArray();
            Assert.Equal(HarnessStrategies.Names, strategies.Select(s => s.GetProperty("strategy").GetString()));
            Assert.All(strategies, s => Assert.Equal(30, s.GetProperty("repliesVerified").GetInt32()));
            Assert.All(strategies, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("mismatch").ValueKind));
            JsonElement garbage = strategies.Single(s => s.GetProperty("strategy").GetString() == "garbage");
            Assert.True(garbage.GetProperty("resyncs").GetInt32() > 0);
            Assert.Equal(garbage.GetProperty("faultsSent").GetInt32(), garbage.GetProperty("eventsVerified").GetInt32());
            JsonElement oversized = strategies.Single(s => s.GetProperty("strategy").GetString() == "oversized");
            Assert.Equal(oversized.GetProperty("faultsSent").GetInt32(), oversized.GetProperty("oversizedReported").GetInt32());
            JsonElement empty = strategies.Single(s => s.GetProperty("strategy").GetString() == "zero-length");
            Assert.Equal(empty.GetProperty("faultsSent").GetInt32(), empty.GetProperty("malformedReported").GetInt32());
            JsonElement single = strategies.Single(s => s.GetProperty("strategy").GetString() == "byte");
            Assert.Equal(single.GetProperty("bytesSent").GetInt64(), single.GetProperty("writes").GetInt64());
            Assert.True(report.GetProperty("latency").GetProperty("p99Ms").GetDouble() >= report.GetProperty("latency").GetProperty("p50Ms").GetDouble());
        }

        [Fact]
        public async Task The_text_report_shows_each_strategy_and_percentiles()
        {
            using var device = new RunningDevice();
            CliResult result = await Tlvctl.RunAsync(device.Args("harness", "--frames", "10", "--strategy", "fixed,burst", "--chunk", "3", "--seed", "2"));
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(@"\n\s*fixed\s+10\s+0\s+10\s+0\s+\d+", result.Out);
            Assert.Matches(@"\n\s*burst\s+10\s+0\s+10\s+0\s+1\s", result.Out);
            Assert.DoesNotMatch(@"\n\s*whole\s", result.Out);
            Assert.Matches(@"latency p50/p90/p99 = [\d.]+/[\d.]+/[\d.]+ ms over 20 requests; seed 2", result.Out);
            Assert.Contains("harness passed", result.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_same_seed_sends_the_same_bytes()
        {
            using var device = new RunningDevice();
            string[] args = device.Args("harness", "--frames", "15", "--strategy", "random,garbage", "--seed", "99", "--json");
            JsonElement first = (await Tlvctl.RunAsync(args)).Json();
            JsonElement second = (await Tlvctl.RunAsync(args)).Json();
            foreach (string field in new[] { "bytesSent", "writes", "faultsSent" })
            {
                Assert.Equal(
                    first.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty(field).GetInt64()),
                    second.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty(field).GetInt64()));
            }
        }

        [Fact]
        public async Task A_device_with_the_python_reassembly_bug_fails_the_byte_strategy_with_exit_4()
        {
            using var broken = new BrokenDevice();
            CliResult result = await Tlvctl.RunAsync("harness", "--strategy", "byte", "--frames", "5", "--delay-ms", "1", "--seed", "1", "--timeout", "2000", "--device", broken.Address);
            Assert.True(result.ExitCode == ExitCodes.HarnessMismatch, result.ToString());
            Match mismatch = Regex.Match(result.Out, @"MISMATCH strategy byte, request id (\d+): expected PING reply id (\d+) status Ok echoing \d+ bytes, got (.+)");
            Assert.True(mismatch.Success, result.Out);
            Assert.Equal(mismatch.Groups[1].Value, mismatch.Groups[2].Value);
            Assert.Contains("harness FAILED in 1 strategy", result.Out, StringComparison.Ordinal);

            CliResult whole = await Tlvctl.RunAsync("harness", "--strategy", "whole", "--frames", "20", "--seed", "1", "--device", broken.Address);
            Assert.True(whole.ExitCode == 0, "whole frames get through the buggy extractor: " + whole);
        }

        [Fact]
        public async Task Json_names_the_failing_strategy_and_request_id()
        {
            using var broken = new BrokenDevice();
            CliResult result = await Tlvctl.RunAsync("harness", "--strategy", "whole,byte", "--frames", "5", "--delay-ms", "1", "--seed", "3", "--timeout", "2000", "--json", "--device", broken.Address);
            Assert.Equal(ExitCodes.HarnessMismatch, result.ExitCode);
            JsonElement report = result.Json();
            Assert.False(report.GetProperty("passed").GetBoolean());
            JsonElement[] strategies = report.GetProperty("strategies").EnumerateArray().ToArray();
            Assert.True(strategies[0].GetProperty("passed").GetBoolean());
            JsonElement mismatch = strategies[1].GetProperty("mismatch");
            Assert.Equal("byte", mismatch.GetProperty("strategy").GetString());
            Assert.True(mismatch.GetProperty("requestId").GetInt32() > 0);
            Assert.StartsWith("PING reply id " + mismatch.GetProperty("requestId").GetInt32(), mismatch.GetProperty("expected").GetString(), StringComparison.Ordinal);
        }
    }
}
