using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NanoTlv.Benchmarks.Budget;
using NanoTlv.Benchmarks.Device;
using NanoTlv.Benchmarks.Reporting;

namespace NanoTlv.Benchmarks.Dispatch;

/// <summary>
/// After a run: one markdown table for <see cref="CommandDispatchBenchmarks"/> (time and allocation per command,
/// BenchmarkDotNet's figures next to the exact per-thread count of <see cref="SteadyStateAllocation"/>).
/// </summary>
public static class DispatchReport
{
    private const double NanosecondsPerSecond = 1e9;

    /// <summary>Writes the table for every summary holding dispatch results.</summary>
    public static void Print(IEnumerable<Summary> summaries, TextWriter output)
    {
        foreach (Summary summary in summaries)
        {
            var cases = summary.BenchmarksCases.Where(c => c.Descriptor.Type == typeof(CommandDispatchBenchmarks)).ToList();
            if (cases.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine("## Command dispatch on the virtual board: one request through session, dispatcher, handler and drivers (no sockets)");
            output.WriteLine();
            output.WriteLine("| command | ns/op (mean) | ns/op (fastest iteration) | requests/s, one thread | allocated B/op (BDN) | device path B/command (exact) |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (BenchmarkCase benchmarkCase in cases)
            {
                string method = benchmarkCase.Descriptor.WorkloadMethod.Name;
                DeviceCommand? command = DeviceCommands.Find(method);
                double? mean = BenchmarkFigures.MeanNanoseconds(summary, benchmarkCase);
                double? fastest = BenchmarkFigures.MinNanoseconds(summary, benchmarkCase);
                long? allocated = BenchmarkFigures.AllocatedBytes(summary, benchmarkCase);
                string exact = command is null ? "-" : TargetLine.Format(SteadyStateAllocation.Measure(command).CorePerCommand, "0.##");
                string label = command?.Label ?? "(open + close a connection, no request)";
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {label} | {Number(mean, "N1")} | {Number(fastest, "N1")} | {Number(NanosecondsPerSecond / mean, "N0")} | {allocated?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {exact} |"));
            }

            output.WriteLine();
            output.WriteLine($"One operation = one request: an in-memory connection delivers each request frame as its own chunk, so every request costs one receive, one extraction, one dispatch and one send, as for a client that waits for each reply. An invocation is one connection of {CommandDispatchBenchmarks.RequestsPerConnection} requests ({CommandDispatchBenchmarks.SensorRequestsPerConnection} for SENSOR_READ bme280, whose forced conversion sleeps the datasheet's typical 8 ms); the first row is the per-connection cost spread over them. Allocated B/op (BDN) is process-wide; 'exact' counts the session thread less the virtual drivers (see the budget).");
        }
    }

    private static string Number(double? value, string format) =>
        value is double v && !double.IsInfinity(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
