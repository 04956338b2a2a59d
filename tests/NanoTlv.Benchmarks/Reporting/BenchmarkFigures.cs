using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NanoTlv.Benchmarks.Decoding;

namespace NanoTlv.Benchmarks.Reporting;

/// <summary>
/// Figures derived from a summary. A benchmark class gets throughput figures by having an int parameter named
/// <see cref="PayloadParameter"/>: its operation is taken to decode the whole <see cref="FrameStream"/> of that payload.
/// </summary>
public static class BenchmarkFigures
{
    public const string PayloadParameter = "PayloadBytes";

    private const double NanosecondsPerSecond = 1e9;
    private const double BytesPerMegabyte = 1e6;

    /// <summary>The case's mean time per operation in nanoseconds, if it ran.</summary>
    public static double? MeanNanoseconds(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean;

    /// <summary>The case's fastest iteration, per operation, in nanoseconds, if it ran.</summary>
    public static double? MinNanoseconds(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Min;

    /// <summary>Stream bytes decoded per operation, if the case has a payload parameter.</summary>
    public static long? StreamBytes(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == PayloadParameter)?.Value is int payloadBytes
            ? FrameStream.For(payloadBytes).Bytes.Length
            : null;

    /// <summary>Throughput in MB/s (10^6 bytes per second), from the mean time.</summary>
    public static double? MegabytesPerSecond(Summary summary, BenchmarkCase benchmarkCase) =>
        Throughput(benchmarkCase, MeanNanoseconds(summary, benchmarkCase));

    /// <summary>Throughput in MB/s of the fastest iteration.</summary>
    public static double? BestMegabytesPerSecond(Summary summary, BenchmarkCase benchmarkCase) =>
        Throughput(benchmarkCase, MinNanoseconds(summary, benchmarkCase));

    /// <summary>Bytes allocated per operation, as measured by the memory diagnoser.</summary>
    public static long? AllocatedBytes(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);

    /// <summary>The same class and parameters run by <paramref name="method"/>.</summary>
    public static BenchmarkCase? Sibling(Summary summary, BenchmarkCase benchmarkCase, string method) =>
        summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.Type == benchmarkCase.Descriptor.Type
            && c.Descriptor.WorkloadMethod.Name == method
            && c.Job == benchmarkCase.Job
            && c.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo);

    /// <summary>Reference Mean / this Mean; above 1 means faster than the reference.</summary>
    public static double? RelativeThroughput(Summary summary, BenchmarkCase benchmarkCase, string referenceMethod) =>
        Sibling(summary, benchmarkCase, referenceMethod) is BenchmarkCase reference
        && MeanNanoseconds(summary, reference) is double referenceMean
        && MeanNanoseconds(summary, benchmarkCase) is double mean && mean > 0
            ? referenceMean / mean
            : null;

    private static double? Throughput(BenchmarkCase benchmarkCase, double? nanoseconds) =>
        StreamBytes(benchmarkCase) is long bytes && nanoseconds is double time && time > 0
            ? bytes / (time / NanosecondsPerSecond) / BytesPerMegabyte
            : null;
}
