using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NanoTlv.Benchmarks.Reporting;

/// <summary>Stream bytes per second, in MB/s (10^6 bytes), for benchmarks whose operation decodes one <c>FrameStream</c>.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Stream throughput in MB/s (10^6 bytes per second): stream bytes / Mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? megabytesPerSecond = BenchmarkFigures.MegabytesPerSecond(summary, benchmarkCase);
        return megabytesPerSecond is double value ? value.ToString("N0", style.CultureInfo) : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
