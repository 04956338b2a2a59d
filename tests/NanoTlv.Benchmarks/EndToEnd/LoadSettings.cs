using System;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>How long and how hard the loopback runs push.</summary>
/// <param name="WarmUp">Load before measuring starts (connections warm, JIT done).</param>
/// <param name="Duration">Measured span of each pipelined run.</param>
/// <param name="Rounds">Runs per (workload, connections, server); the median is reported.</param>
/// <param name="Depth">Requests in flight per connection in the pipelined runs.</param>
/// <param name="PacedDuration">Measured span of the paced latency run.</param>
/// <param name="PacedRatePerSecond">Requests per second of the paced run.</param>
public sealed record LoadSettings(TimeSpan WarmUp, TimeSpan Duration, int Rounds, int Depth, TimeSpan PacedDuration, int PacedRatePerSecond)
{
    /// <summary>Most round trips kept per run, over all connections (16 MB of samples).</summary>
    public const int MaxSamples = 4 * 1024 * 1024;

    /// <summary>Requests in flight per connection unless told otherwise.</summary>
    public const int DefaultDepth = 16;

    /// <summary>The CI smoke run: seconds in all.</summary>
    public static LoadSettings Short { get; } = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(600), 1, DefaultDepth, TimeSpan.FromSeconds(2), 1000);

    /// <summary>The run for the documented figures: about 7 minutes.</summary>
    public static LoadSettings Full { get; } = new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), 5, DefaultDepth, TimeSpan.FromSeconds(20), 1000);
}
