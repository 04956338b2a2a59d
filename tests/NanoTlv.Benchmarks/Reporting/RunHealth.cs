using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace NanoTlv.Benchmarks.Reporting;

/// <summary>Whether a BenchmarkDotNet run broke: a case without a result means its setup or workload threw
/// (a wrong reply, a checksum mismatch) or it could not be built. Slow results never count as broken.</summary>
public static class RunHealth
{
    /// <summary>Writes a FAILED line per broken case; true when none broke.</summary>
    public static bool Check(IEnumerable<Summary> summaries, TextWriter output)
    {
        bool healthy = true;
        foreach (Summary summary in summaries)
        {
            if (summary.HasCriticalValidationErrors)
            {
                output.WriteLine($"FAILED  {summary.Title}: critical validation errors: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
                healthy = false;
            }

            foreach (var benchmarkCase in summary.BenchmarksCases.Where(c => BenchmarkFigures.MeanNanoseconds(summary, c) is null))
            {
                output.WriteLine($"FAILED  {benchmarkCase.DisplayInfo}: no result (it threw or did not build; see the log above)");
                healthy = false;
            }
        }

        return healthy;
    }
}
