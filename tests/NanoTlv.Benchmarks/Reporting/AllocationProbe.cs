using System;
using NanoTlv.Benchmarks.Decoding;

namespace NanoTlv.Benchmarks.Reporting;

/// <summary>
/// Exact allocation of one operation, counted on the calling thread only
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>). BenchmarkDotNet's Allocated column, in process, counts
/// the whole process, so background threads add a few bytes even to <see cref="FrameDecodingBenchmarks.Memcpy"/>.
/// </summary>
public static class AllocationProbe
{
    private const int WarmUpRuns = 2;

    // Keeps the operations' results observable without boxing them.
    private static long _sink;

    /// <summary>Bytes one call of <paramref name="operation"/> allocates after warm-up.</summary>
    public static long Measure(Func<long> operation)
    {
        long checksum = 0;
        for (int i = 0; i < WarmUpRuns; i++)
        {
            checksum += operation();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        checksum += operation();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        _sink += checksum;
        return allocated;
    }

    /// <summary>The most bytes one operation of any extractor benchmark (push, pull, pull after copy) allocates for one parameter set.</summary>
    public static long MeasureExtractor(int payloadBytes, int chunkBytes)
    {
        var benchmarks = new FrameDecodingBenchmarks { PayloadBytes = payloadBytes, ChunkBytes = chunkBytes };
        benchmarks.Setup();
        return Math.Max(Measure(benchmarks.ExtractorPush), Math.Max(Measure(benchmarks.Extractor), Measure(benchmarks.ExtractorAfterCopy)));
    }
}
