using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NanoTlv.Benchmarks.Reporting;

/// <summary>
/// Throughput relative to another method of the same class with the same parameters (its Mean / this Mean):
/// above 1 is faster than the reference.
/// </summary>
public sealed class RelativeThroughputColumn : IColumn
{
    private readonly string _referenceMethod;

    /// <summary>Creates the column comparing every case with <paramref name="referenceMethod"/>.</summary>
    public RelativeThroughputColumn(string referenceMethod) => _referenceMethod = referenceMethod;

    public string Id => nameof(RelativeThroughputColumn) + "." + _referenceMethod;

    public string ColumnName => "x" + _referenceMethod;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Throughput relative to {_referenceMethod} with the same parameters ({_referenceMethod} Mean / this Mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? ratio = BenchmarkFigures.RelativeThroughput(summary, benchmarkCase, _referenceMethod);
        return ratio is double value ? value.ToString("0.00", style.CultureInfo) : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
