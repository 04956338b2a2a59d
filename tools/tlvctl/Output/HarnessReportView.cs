using System.Globalization;
using System.Linq;
using NanoTlv.Cli.Harness;
using Spectre.Console;

namespace NanoTlv.Cli.Output
{
    /// <summary>Writes a harness report as a table and verdict, or as JSON.</summary>
    internal static class HarnessReportView
    {
        private static readonly (string Header, bool Numeric)[] Columns =
        {
            ("Strategy", false), ("Reqs", true), ("Faults", true), ("OK", true), ("Resync", true),
            ("Writes", true), ("Req/s", true), ("p50ms", true), ("p99ms", true), ("Result", false),
        };

        public static void Write(CommandContext context, HarnessReport report)
        {
            if (context.Json)
            {
                context.WriteJson(ToJson(report));
                return;
            }

            // A light border, one space between columns and no wrapping keep the ten columns within 80.
            var table = new Table().Border(TableBorder.Simple);
            foreach ((string header, bool numeric) in Columns)
            {
                var column = new TableColumn(header).NoWrap().Padding(new Padding(1, 0, 0, 0));
                table.AddColumn(numeric ? column.RightAligned() : column);
            }

            foreach (StrategyResult result in report.Results)
            {
                LatencySummary latency = result.Latency;
                table.AddRow(
                    result.Name,
                    N(result.RequestsSent),
                    N(result.FaultsSent),
                    N(result.RepliesVerified + result.EventsVerified),
                    N(result.Resyncs),
                    N(result.Writes),
                    result.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    Ms(latency.P50Ms),
                    Ms(latency.P99Ms),
                    result.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
            }

            context.Console.Write(table);
            LatencySummary all = report.Latency;
            context.WriteLine(
                "latency p50/p90/p99 = " + Ms(all.P50Ms) + "/" + Ms(all.P90Ms) + "/" + Ms(all.P99Ms) + " ms over " + all.Count
                + " requests; seed " + report.Seed + " (rerun with --seed " + report.Seed + ")");
            foreach (HarnessMismatch mismatch in report.Mismatches)
            {
                context.WriteLine("MISMATCH " + mismatch);
            }

            context.WriteLine(report.Passed
                ? "harness passed: every reply and event matched"
                : "harness FAILED in " + report.Mismatches.Count() + " strateg" + (report.Mismatches.Count() == 1 ? "y" : "ies"));
        }

        private static object ToJson(HarnessReport report) => new
        {
            passed = report.Passed,
            seed = report.Seed,
            deviceMaxPayloadBytes = report.DeviceMaxPayloadBytes,
            latency = report.Latency,
            strategies = report.Results.Select(r => new
            {
                strategy = r.Name,
                passed = r.Passed,
                requestsSent = r.RequestsSent,
                faultsSent = r.FaultsSent,
                repliesVerified = r.RepliesVerified,
                eventsVerified = r.EventsVerified,
                resyncs = r.Resyncs,
                oversizedReported = r.OversizedReported,
                malformedReported = r.MalformedReported,
                writes = r.Writes,
                bytesSent = r.BytesSent,
                elapsedMs = r.Elapsed.TotalMilliseconds,
                requestsPerSecond = r.RequestsPerSecond,
                bytesPerSecond = r.BytesPerSecond,
                latency = r.Latency,
                mismatch = r.Mismatch,
            }),
        };

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
