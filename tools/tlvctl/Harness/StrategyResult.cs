using System;
using System.Collections.Generic;

namespace NanoTlv.Cli.Harness
{
    /// <summary>What one strategy sent and what came back.</summary>
    public sealed class StrategyResult
    {
        /// <summary>Creates an empty result for <paramref name="strategy"/>.</summary>
        /// <param name="strategy">The strategy.</param>
        public StrategyResult(HarnessStrategy strategy)
        {
            Strategy = strategy;
        }

        /// <summary>The strategy.</summary>
        public HarnessStrategy Strategy { get; }

        /// <summary>Its command-line name.</summary>
        public string Name => HarnessStrategies.NameOf(Strategy);

        /// <summary>PING requests sent.</summary>
        public int RequestsSent { get; set; }

        /// <summary>Injected faults sent (garbage runs, oversized and empty frames).</summary>
        public int FaultsSent { get; set; }

        /// <summary>PING replies that matched id, status and echo.</summary>
        public int RepliesVerified { get; set; }

        /// <summary>FRAMING_ERROR events that matched their fault.</summary>
        public int EventsVerified { get; set; }

        /// <summary>GarbageSkipped events seen (device resyncs).</summary>
        public int Resyncs { get; set; }

        /// <summary>FrameTooLarge events seen.</summary>
        public int OversizedReported { get; set; }

        /// <summary>MalformedRequest events seen.</summary>
        public int MalformedReported { get; set; }

        /// <summary>Bytes written.</summary>
        public long BytesSent { get; set; }

        /// <summary>Socket writes made.</summary>
        public int Writes { get; set; }

        /// <summary>From the first write to the last expected message.</summary>
        public TimeSpan Elapsed { get; set; }

        /// <summary>PING latencies (from the write that completed the frame to its reply), milliseconds.</summary>
        public List<double> LatenciesMs { get; } = new();

        /// <summary>The first mismatch, or null when every message matched.</summary>
        public HarnessMismatch? Mismatch { get; set; }

        /// <summary>True when nothing mismatched.</summary>
        public bool Passed => Mismatch is null;

        /// <summary>Latency percentiles.</summary>
        public LatencySummary Latency => LatencySummary.From(LatenciesMs);

        /// <summary>Requests per second.</summary>
        public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? RepliesVerified / Elapsed.TotalSeconds : 0;

        /// <summary>Bytes written per second.</summary>
        public double BytesPerSecond => Elapsed > TimeSpan.Zero ? BytesSent / Elapsed.TotalSeconds : 0;
    }
}
