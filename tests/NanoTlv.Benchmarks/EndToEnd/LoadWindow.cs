using System;
using System.Diagnostics;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>When a load run measures: replies received from <see cref="Start"/> (after the warm-up) until
/// <see cref="Stop"/> count; after <see cref="Stop"/> connections stop sending and drain.</summary>
public sealed class LoadWindow
{
    /// <summary>Opens a window <paramref name="warmUp"/> from now, lasting <paramref name="duration"/>.</summary>
    public LoadWindow(TimeSpan warmUp, TimeSpan duration)
    {
        long now = Stopwatch.GetTimestamp();
        Start = now + Ticks(warmUp);
        Stop = Start + Ticks(duration);
        Duration = duration;
    }

    /// <summary>Stopwatch timestamp where measuring starts.</summary>
    public long Start { get; }

    /// <summary>Stopwatch timestamp where measuring and sending stop.</summary>
    public long Stop { get; }

    /// <summary>The measured span.</summary>
    public TimeSpan Duration { get; }

    /// <summary>True when <paramref name="timestamp"/> falls in the measured span.</summary>
    public bool Contains(long timestamp) => timestamp >= Start && timestamp < Stop;

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
