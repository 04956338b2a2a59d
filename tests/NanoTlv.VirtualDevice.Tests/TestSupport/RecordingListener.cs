using System;
using System.Collections.Concurrent;
using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice.Tests.TestSupport;

/// <summary>Collects pin changes with the thread and board uptime at which each arrived.</summary>
public sealed class RecordingListener : IPinChangeListener, IDisposable
{
    private readonly BlockingCollection<PinChange> _changes = new();
    private readonly ISystemMonitor _clock;

    public RecordingListener(ISystemMonitor clock) => _clock = clock;

    public void OnPinChanged(int pin, bool high, long timestampMs) =>
        _changes.Add(new PinChange(pin, high, timestampMs, _clock.UptimeMs, Environment.CurrentManagedThreadId));

    /// <summary>The next change, or a failed test after <paramref name="timeoutMs"/>.</summary>
    public PinChange Next(int timeoutMs = 5000)
    {
        Assert.True(_changes.TryTake(out PinChange change, timeoutMs), "No pin change arrived within " + timeoutMs + " ms.");
        return change;
    }

    /// <summary>The next change if one arrives within <paramref name="timeoutMs"/>.</summary>
    public bool TryNext(int timeoutMs, out PinChange change) => _changes.TryTake(out change, timeoutMs);

    /// <summary>Asserts that nothing arrives for <paramref name="waitMs"/>.</summary>
    public void AssertNothingFor(int waitMs)
    {
        bool arrived = _changes.TryTake(out PinChange change, waitMs);
        Assert.False(arrived, "Unexpected change: " + change);
    }

    public void Dispose() => _changes.Dispose();
}

public readonly record struct PinChange(int Pin, bool High, long TimestampMs, long ArrivedAtMs, int ThreadId);
