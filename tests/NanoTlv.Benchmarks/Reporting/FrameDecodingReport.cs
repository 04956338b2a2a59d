using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NanoTlv.Benchmarks.Decoding;

namespace NanoTlv.Benchmarks.Reporting;

/// <summary>
/// After a run: one markdown table for <see cref="FrameDecodingBenchmarks"/> (the one in docs/performance.md)
/// and a PASS/MISS line per performance target. Never fails the process: timings vary by machine.
/// </summary>
public static class FrameDecodingReport
{
    private const double MinimumVersusMemcpy = 0.7;
    private const double MinimumVersusPipelines = 2.0;
    private const int MemcpyTargetPayload = 1024;
    private const int PipelinesTargetPayload = 16;
    private const int TargetChunk = 1460;

    /// <summary>Writes the table and the targets for every summary holding frame-decoding results.</summary>
    public static void Print(IEnumerable<Summary> summaries, TextWriter output)
    {
        foreach (var summary in summaries)
        {
            var rows = Rows(summary).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine("## Frame decoding: 1 MiB stream per operation; MB/s = 10^6 B/s; ratios are throughput ratios");
            output.WriteLine();
            output.WriteLine("| payload B | chunk B | push MB/s | pull MB/s | pull after copy MB/s | memcpy MB/s | Pipelines MB/s | copy floor MB/s | push / memcpy | same, best iteration | pull / memcpy | push / copy floor | push / Pipelines | pull / Pipelines | after copy / Pipelines | extractor B/frame (exact) | push B/op (BDN) | memcpy B/op (BDN) | Pipelines B/op (BDN) |");
            output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {row.Payload} | {row.Chunk} | {Number(row.Push)} | {Number(row.Pull)} | {Number(row.AfterCopy)} | {Number(row.Memcpy)} | {Number(row.Pipelines)} | {Number(row.CopyFloor)} | {Ratio(row.Push, row.Memcpy)} | {Ratio(row.BestPush, row.BestMemcpy)} | {Ratio(row.Pull, row.Memcpy)} | {Ratio(row.Push, row.CopyFloor)} | {Ratio(row.Push, row.Pipelines)} | {Ratio(row.Pull, row.Pipelines)} | {Ratio(row.AfterCopy, row.Pipelines)} | {(double)row.ExactAllocated / row.Frames:0.###} | {Bytes(row.PushAllocated)} | {Bytes(row.MemcpyAllocated)} | {Bytes(row.PipelinesAllocated)} |"));
            }

            output.WriteLine();
            output.WriteLine("push: FrameExtractor.Feed(chunk, offset, count, handler); pull: Feed + Next() drained; pull after copy: each chunk first copied into a receive buffer, as Pipelines' writer does.");
            output.WriteLine("extractor B/frame (exact): the most bytes allocated on the benchmark thread by one ExtractorPush, Extractor or ExtractorAfterCopy operation, divided by the frames decoded.");
            output.WriteLine("B/op (BDN): BenchmarkDotNet's Allocated column, process-wide, so other threads can add a few bytes (see the memcpy column, which allocates nothing itself).");
            output.WriteLine("Ratios use mean times, except 'best iteration' (fastest iteration of each). Copy floor: only the copies of payloads that span chunks.");
            output.WriteLine();
            PrintTargets(rows, output);
        }
    }

    private static void PrintTargets(List<Row> rows, TextWriter output)
    {
        long worst = rows.Max(r => r.ExactAllocated);
        output.WriteLine(worst == 0
            ? $"PASS  0 B allocated per frame by the extractor (exact; push, pull and pull after copy) in all {rows.Count} (payload, chunk) cases"
            : $"MISS  0 B allocated per frame: up to {worst} B per 1 MiB stream");

        var memcpyRow = rows.FirstOrDefault(r => r.Payload == MemcpyTargetPayload && r.Chunk == TargetChunk);
        PrintRatioTarget(
            output,
            $"extractor (push form) >= {MinimumVersusMemcpy}x memcpy throughput, {MemcpyTargetPayload}-B payloads in {TargetChunk}-B chunks",
            memcpyRow?.Push,
            memcpyRow?.Memcpy,
            MinimumVersusMemcpy,
            memcpyRow is null ? null : $"best iteration: {Ratio(memcpyRow.BestPush, memcpyRow.BestMemcpy)}x; pull form: {Ratio(memcpyRow.Pull, memcpyRow.Memcpy)}x; push / copy floor: {Ratio(memcpyRow.Push, memcpyRow.CopyFloor)}x");

        var pipelinesRow = rows.FirstOrDefault(r => r.Payload == PipelinesTargetPayload && r.Chunk == TargetChunk);
        PrintRatioTarget(
            output,
            $"extractor (push form) >= {MinimumVersusPipelines}x Pipelines throughput, {PipelinesTargetPayload}-B payloads in {TargetChunk}-B chunks",
            pipelinesRow?.Push,
            pipelinesRow?.Pipelines,
            MinimumVersusPipelines,
            pipelinesRow is null ? null : $"pull form: {Ratio(pipelinesRow.Pull, pipelinesRow.Pipelines)}x; pull after copy: {Ratio(pipelinesRow.AfterCopy, pipelinesRow.Pipelines)}x");
    }

    private static void PrintRatioTarget(TextWriter output, string target, double? measured, double? reference, double minimum, string? note)
    {
        if (measured is not double value || reference is not double against || against <= 0)
        {
            output.WriteLine($"MISS  {target}: not measured in this run (check the filter)");
            return;
        }

        double ratio = value / against;
        string verdict = ratio >= minimum ? "PASS" : "MISS";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verdict}  {target}: {ratio:0.00}x ({value:N0} vs {against:N0} MB/s; {note})"));
    }

    private static IEnumerable<Row> Rows(Summary summary)
    {
        var cases = summary.BenchmarksCases.Where(c => c.Descriptor.Type == typeof(FrameDecodingBenchmarks)).ToList();
        foreach (var group in cases.GroupBy(c => c.Parameters.DisplayInfo))
        {
            var any = group.First();
            BenchmarkCase? Method(string name) => group.FirstOrDefault(c => c.Descriptor.WorkloadMethod.Name == name);
            double? Speed(string name) => Method(name) is BenchmarkCase c ? BenchmarkFigures.MegabytesPerSecond(summary, c) : null;
            double? BestSpeed(string name) => Method(name) is BenchmarkCase c ? BenchmarkFigures.BestMegabytesPerSecond(summary, c) : null;
            long? Allocated(string name) => Method(name) is BenchmarkCase c ? BenchmarkFigures.AllocatedBytes(summary, c) : null;

            int payload = (int)any.Parameters[nameof(FrameDecodingBenchmarks.PayloadBytes)];
            int chunk = (int)any.Parameters[nameof(FrameDecodingBenchmarks.ChunkBytes)];
            long exact = AllocationProbe.MeasureExtractor(payload, chunk);
            yield return new Row(
                payload,
                chunk,
                FrameStream.For(payload).FrameCount,
                Speed(nameof(FrameDecodingBenchmarks.ExtractorPush)),
                Speed(nameof(FrameDecodingBenchmarks.Extractor)),
                Speed(nameof(FrameDecodingBenchmarks.ExtractorAfterCopy)),
                Speed(nameof(FrameDecodingBenchmarks.Memcpy)),
                Speed(nameof(FrameDecodingBenchmarks.Pipelines)),
                Speed(nameof(FrameDecodingBenchmarks.CopyFloor)),
                BestSpeed(nameof(FrameDecodingBenchmarks.ExtractorPush)),
                BestSpeed(nameof(FrameDecodingBenchmarks.Memcpy)),
                exact,
                Allocated(nameof(FrameDecodingBenchmarks.ExtractorPush)),
                Allocated(nameof(FrameDecodingBenchmarks.Memcpy)),
                Allocated(nameof(FrameDecodingBenchmarks.Pipelines)));
        }
    }

    private static string Number(double? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";

    private static string Bytes(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Ratio(double? value, double? reference) =>
        value is double v && reference is double r && r > 0 ? (v / r).ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private sealed record Row(
        int Payload,
        int Chunk,
        int Frames,
        double? Push,
        double? Pull,
        double? AfterCopy,
        double? Memcpy,
        double? Pipelines,
        double? CopyFloor,
        double? BestPush,
        double? BestMemcpy,
        long ExactAllocated,
        long? PushAllocated,
        long? MemcpyAllocated,
        long? PipelinesAllocated);
}
