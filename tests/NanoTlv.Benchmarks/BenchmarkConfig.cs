using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NanoTlv.Benchmarks.Decoding;
using NanoTlv.Benchmarks.Reporting;
using Perfolizer.Horology;

namespace NanoTlv.Benchmarks;

/// <summary>The one configuration every benchmark class runs with: in-process, memory diagnoser, throughput columns.</summary>
public static class BenchmarkConfig
{
    private const int ShortIterationTimeMs = 100;

    /// <summary>Builds the configuration.</summary>
    /// <param name="shortRun">A quick run (1 warm-up, 3 iterations of about 100 ms) instead of the full one.</param>
    public static IConfig Create(bool shortRun)
    {
        Job job = (System.Environment.GetEnvironmentVariable("BENCH_INPROC") == "1" ? Job.Default.WithToolchain(InProcessEmitToolchain.Instance) : Job.Default).WithLaunchCount(1);
        job = shortRun
            ? job.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(ShortIterationTimeMs)).WithId("Short")
            : job.WithWarmupCount(3).WithIterationCount(10).WithId("Full");

        return DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ThroughputColumn())
            .AddColumn(new RelativeThroughputColumn(nameof(FrameDecodingBenchmarks.Memcpy)))
            .AddColumn(new RelativeThroughputColumn(nameof(FrameDecodingBenchmarks.Pipelines)));
    }
}
