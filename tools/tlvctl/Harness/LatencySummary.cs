using System;
using System.Collections.Generic;
using System.Linq;

namespace NanoTlv.Cli.Harness
{
    /// <summary>Percentiles of request latencies in milliseconds (nearest rank).</summary>
    /// <param name="Count">Samples.</param>
    /// <param name="P50Ms">Median.</param>
    /// <param name="P90Ms">90th percentile.</param>
    /// <param name="P99Ms">99th percentile.</param>
    /// <param name="MaxMs">Largest.</param>
    public sealed record LatencySummary(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
    {
        /// <summary>No samples.</summary>
        public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0);

        /// <summary>Summarises <paramref name="samplesMs"/>.</summary>
        /// <param name="samplesMs">Latencies in milliseconds.</param>
        /// <returns>The summary.</returns>
        public static LatencySummary From(IEnumerable<double> samplesMs)
        {
            double[] sorted = samplesMs.OrderBy(x => x).ToArray();
            if (sorted.Length == 0)
            {
                return Empty;
            }

            return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1]);
        }

        private static double Rank(double[] sorted, double quantile)
        {
            int index = (int)Math.Ceiling(quantile * sorted.Length) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
        }
    }
}
