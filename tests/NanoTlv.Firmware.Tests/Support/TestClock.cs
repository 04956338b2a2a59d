using System.Diagnostics;
using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>
/// The test board's <see cref="ISystemMonitor"/>: uptime runs with real time plus an offset tests can
/// advance (timeouts without waiting), or stands still at a frozen value (byte-exact documentation examples).
/// Memory figures and the internal temperature are settable.
/// </summary>
public sealed class TestClock : ISystemMonitor
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private long _offsetMs;
    private long _frozenMs = -1;

    public long UptimeMs
    {
        get
        {
            long frozen = Interlocked.Read(ref _frozenMs);
            return frozen >= 0 ? frozen : _elapsed.ElapsedMilliseconds + Interlocked.Read(ref _offsetMs);
        }
    }

    public uint FreeMemoryBytes { get; set; } = 81920;

    public uint TotalMemoryBytes { get; set; } = 131072;

    public int InternalCentiCelsius { get; set; } = 4512;

    public bool HasInternalSensor { get; set; } = true;

    /// <summary>Moves uptime forward (also a frozen one).</summary>
    public void Advance(long ms)
    {
        Interlocked.Add(ref _offsetMs, ms);
        if (Interlocked.Read(ref _frozenMs) >= 0)
        {
            Interlocked.Add(ref _frozenMs, ms);
        }
    }

    /// <summary>Stops uptime at <paramref name="ms"/>.</summary>
    public void Freeze(long ms) => Interlocked.Exchange(ref _frozenMs, ms);

    public bool TryReadInternalTemperature(out int centiCelsius)
    {
        centiCelsius = HasInternalSensor ? InternalCentiCelsius : 0;
        return HasInternalSensor;
    }
}
