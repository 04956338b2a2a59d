using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using NanoTlv.Benchmarks.EndToEnd;

namespace NanoTlv.Benchmarks.Mqtt;

/// <summary>
/// Matches input changes made on the boards to the <c>event/gpio/...</c> messages a subscriber receives. Every
/// path (board → bridge → broker → subscriber) keeps each board's order, so the n-th event of a board belongs to
/// its n-th change; the level in each event is checked against the change it is matched with, so a lost or
/// reordered event shows as a mismatch rather than as a wrong latency.
/// </summary>
public sealed class EventProbe
{
    private readonly ConcurrentQueue<(long Timestamp, bool High)>[] _changes;
    private long _received;
    private long _mismatches;
    private long _made;
    private volatile LatencyRecorder? _recorder;

    public EventProbe(int boards)
    {
        _changes = new ConcurrentQueue<(long, bool)>[boards];
        for (int i = 0; i < boards; i++)
        {
            _changes[i] = new ConcurrentQueue<(long, bool)>();
        }
    }

    /// <summary>Events received so far.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Changes made so far.</summary>
    public long Made => Interlocked.Read(ref _made);

    /// <summary>Events whose level was not the matched change's, or that matched no change.</summary>
    public long Mismatches => Interlocked.Read(ref _mismatches);

    /// <summary>Starts recording latencies into <paramref name="recorder"/> (null stops).</summary>
    public void RecordInto(LatencyRecorder? recorder) => _recorder = recorder;

    /// <summary>Call right before driving board <paramref name="board"/>'s input to <paramref name="high"/>.</summary>
    public void Changing(int board, bool high)
    {
        _changes[board].Enqueue((Stopwatch.GetTimestamp(), high));
        Interlocked.Increment(ref _made);
    }

    /// <summary>Call when the subscriber receives board <paramref name="board"/>'s event with level <paramref name="high"/>.</summary>
    public void OnEvent(int board, bool high)
    {
        long now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _received);
        if (!_changes[board].TryDequeue(out (long Timestamp, bool High) change) || change.High != high)
        {
            Interlocked.Increment(ref _mismatches);
            return;
        }

        _recorder?.Add(now - change.Timestamp);
    }
}
