namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>Round-trip time percentiles (nearest rank) in microseconds.</summary>
/// <param name="Samples">Round trips summarised.</param>
/// <param name="Dropped">Round trips measured but not kept (recorder full).</param>
/// <param name="P50Micros">Median.</param>
/// <param name="P99Micros">99th percentile.</param>
/// <param name="P999Micros">99.9th percentile.</param>
/// <param name="MaxMicros">Slowest.</param>
public sealed record LatencySummary(int Samples, long Dropped, double P50Micros, double P99Micros, double P999Micros, double MaxMicros);
