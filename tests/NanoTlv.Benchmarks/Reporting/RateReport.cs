using System;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NanoTlv.Benchmarks.Reporting;

/// <summary>
/// After a run: operations per second of each method of one benchmark class beside its baseline method, as a markdown
/// table and one INFO line per method (rate and ratio to the baseline; above 1 is faster). For classes whose operation
/// is one event (a connection cycle, a received chunk) rather than bytes of a stream.
/// </summary>
public static class RateReport
{
    private const double NanosecondsPerSecond = 1e9;

    /// <summary>Writes the table for <paramref name="benchmarkClass"/>, if the run holds it.</summary>
    /// <param name="summaries">The run.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="benchmarkClass">The class; it has one method marked as the baseline.</param>
    /// <param name="title">The table's heading.</param>
    /// <param name="unit">What one operation is, plural ("connect/close cycles").</param>
    public static void Print(Summary[] summaries, TextWriter output, Type benchmarkClass, string title, string unit)
    {
        foreach (Summary summary in summaries)
        {
            var cases = summary.BenchmarksCases.Where(c => c.Descriptor.Type == benchmarkClass).ToList();
            BenchmarkCase? baseline = cases.FirstOrDefault(c => c.Descriptor.Baseline);
            if (baseline is null || BenchmarkFigures.MeanNanoseconds(summary, baseline) is not double baselineMean)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine("## " + title);
            output.WriteLine();
            output.WriteLine($"| method | µs/op (mean) | µs/op (fastest iteration) | {unit}/s | × {baseline.Descriptor.WorkloadMethod.Name} | allocated B/op (BDN) |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (BenchmarkCase benchmarkCase in cases)
            {
                if (BenchmarkFigures.MeanNanoseconds(summary, benchmarkCase) is not double mean)
                {
                    continue;
                }

                double? fastest = BenchmarkFigures.MinNanoseconds(summary, benchmarkCase);
                long? allocated = BenchmarkFigures.AllocatedBytes(summary, benchmarkCase);
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {benchmarkCase.Descriptor.WorkloadMethod.Name} | {mean / 1000:N2} | {(fastest ?? double.NaN) / 1000:N2} | {NanosecondsPerSecond / mean:N0} | {baselineMean / mean:N2} | {allocated?.ToString(CultureInfo.InvariantCulture) ?? "-"} |"));
            }

            output.WriteLine();
            foreach (BenchmarkCase benchmarkCase in cases.Where(c => !c.Descriptor.Baseline))
            {
                if (BenchmarkFigures.MeanNanoseconds(summary, benchmarkCase) is double mean)
                {
                    output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"INFO  {benchmarkCase.Descriptor.WorkloadMethod.Name}: {NanosecondsPerSecond / mean:N0} {unit}/s, {baselineMean / mean:N2}x {baseline.Descriptor.WorkloadMethod.Name} ({NanosecondsPerSecond / baselineMean:N0}/s)"));
                }
            }
        }
    }
}
