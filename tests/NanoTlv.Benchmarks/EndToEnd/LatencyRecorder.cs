using System;
using System.Diagnostics;
using System.Threading;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// Round-trip times in a preallocated array, in Stopwatch ticks, recorded by any number of threads without
/// allocating or locking; percentiles are computed afterwards from all of them. When the array is full further
/// samples are counted as dropped (<see cref="Dropped"/>), never silently lost.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly int[] _ticks;
    private int _count;
    private long _dropped;

    /// <summary>Creates a recorder holding up to <paramref name="capacity"/> samples.</summary>
    public LatencyRecorder(int capacity) => _ticks = new int[capacity];

    /// <summary>Samples recorded.</summary>
    public int Count => Math.Min(Volatile.Read(ref _count), _ticks.Length);

    /// <summary>Samples that did not fit.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Records one round trip of <paramref name="ticks"/> Stopwatch ticks.</summary>
    public void Add(long ticks)
    {
        int index = Interlocked.Increment(ref _count) - 1;
        if (index < _ticks.Length)
        {
            _ticks[index] = ticks > int.MaxValue ? int.MaxValue : (int)ticks;
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Percentiles of everything recorded by <paramref name="recorders"/>.</summary>
    public static LatencySummary Summarize(params LatencyRecorder[] recorders)
    {
        int total = 0;
        foreach (LatencyRecorder recorder in recorders)
        {
            total += recorder.Count;
        }

        var all = new int[total];
        int offset = 0;
        long dropped = 0;
        foreach (LatencyRecorder recorder in recorders)
        {
            Array.Copy(recorder._ticks, 0, all, offset, recorder.Count);
            offset += recorder.Count;
            dropped += recorder.Dropped;
        }

        Array.Sort(all);
        return new LatencySummary(total, dropped, Micros(all, 0.50), Micros(all, 0.99), Micros(all, 0.999), Micros(all, 1.0));
    }

    private static double Micros(int[] sorted, double quantile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)] * 1e6 / Stopwatch.Frequency;
    }
}
