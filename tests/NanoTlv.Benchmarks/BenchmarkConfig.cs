using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NanoTlv.Benchmarks.Decoding;
using NanoTlv.Benchmarks.Reporting;
using Perfolizer.Horology;

namespace NanoTlv.Benchmarks;

/// <summary>The one configuration every benchmark class runs with: one job, memory diagnoser, throughput columns.</summary>
public static class BenchmarkConfig
{
    private const int ShortIterationTimeMs = 100;
    private const int FullWarmupCount = 6;
    private const int FullIterationCount = 6;

    /// <summary>Builds the configuration.</summary>
    /// <param name="shortRun">A quick in-process run (1 warm-up, 3 iterations of about 100 ms) instead of the full
    /// one (a process per case, 6 warm-ups, 6 iterations of about 500 ms).</param>
    public static IConfig Create(bool shortRun)
    {
        // The short run stays in this process (fast, but the JIT's dynamic PGO then learns from the first
        // cases and keeps that code for the later ones); the full run gives every case its own process.
        Job job = shortRun
            ? Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(ShortIterationTimeMs)).WithId("Short")
            : Job.Default.WithWarmupCount(FullWarmupCount).WithIterationCount(FullIterationCount).WithId("Full");
        job = job.WithLaunchCount(1);

        return DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ThroughputColumn())
            .AddColumn(new RelativeThroughputColumn(nameof(FrameDecodingBenchmarks.Memcpy)))
            .AddColumn(new RelativeThroughputColumn(nameof(FrameDecodingBenchmarks.Pipelines)));
    }
}
