using System.Collections.Generic;
using System.Linq;

namespace NanoTlv.Cli.Harness
{
    /// <summary>The outcome of a harness run.</summary>
    /// <param name="Seed">The seed used (rerun with it to send the same bytes).</param>
    /// <param name="DeviceMaxPayloadBytes">The device's payload limit from HELLO.</param>
    /// <param name="Results">One result per strategy, in run order.</param>
    public sealed record HarnessReport(int Seed, int DeviceMaxPayloadBytes, IReadOnlyList<StrategyResult> Results)
    {
        /// <summary>True when every strategy passed.</summary>
        public bool Passed => Results.All(result => result.Passed);

        /// <summary>Every mismatch, one per failed strategy.</summary>
        public IEnumerable<HarnessMismatch> Mismatches => Results.Where(r => r.Mismatch is not null).Select(r => r.Mismatch!);

        /// <summary>Latency percentiles over every strategy.</summary>
        public LatencySummary Latency => LatencySummary.From(Results.SelectMany(r => r.LatenciesMs));
    }
}
