using System;
using System.Diagnostics;
using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// The virtual board's clock, memory figures and chip temperature sensor. Uptime runs from construction
    /// plus whatever a test <see cref="Advance"/>s (timeouts without waiting), or stands still where a test
    /// <see cref="Freeze"/>s it (byte-exact examples); memory figures are this process's managed heap until a
    /// test sets them; the internal temperature is whatever a test sets.
    /// </summary>
    public sealed class VirtualSystemMonitor : ISystemMonitor
    {
        /// <summary>Internal temperature reported until a test sets another (an idle ESP32 runs warm).</summary>
        public const int DefaultInternalCentiCelsius = 4500;

        private const long NotFrozen = -1;
        private const long FromHeap = -1;

        private readonly Stopwatch _uptime = Stopwatch.StartNew();
        private long _offsetMs;
        private long _frozenMs = NotFrozen;
        private long _freeMemoryBytes = FromHeap;
        private long _totalMemoryBytes = FromHeap;
        private volatile int _internalCentiCelsius = DefaultInternalCentiCelsius;
        private volatile bool _hasInternalSensor = true;

        /// <inheritdoc />
        public long UptimeMs
        {
            get
            {
                long frozen = Interlocked.Read(ref _frozenMs);
                return frozen != NotFrozen ? frozen : _uptime.ElapsedMilliseconds + Interlocked.Read(ref _offsetMs);
            }
        }

        /// <inheritdoc />
        /// <remarks>The heap's free committed bytes until a test sets a figure.</remarks>
        public uint FreeMemoryBytes
        {
            get
            {
                long set = Interlocked.Read(ref _freeMemoryBytes);
                if (set != FromHeap)
                {
                    return (uint)set;
                }

                (long committed, long used) = HeapBytes();
                return Clamp(Math.Max(committed - used, 0));
            }

            set => Interlocked.Exchange(ref _freeMemoryBytes, value);
        }

        /// <inheritdoc />
        /// <remarks>The heap's committed bytes until a test sets a figure.</remarks>
        public uint TotalMemoryBytes
        {
            get
            {
                long set = Interlocked.Read(ref _totalMemoryBytes);
                return set != FromHeap ? (uint)set : Clamp(HeapBytes().Committed);
            }

            set => Interlocked.Exchange(ref _totalMemoryBytes, value);
        }

        /// <summary>The internal sensor's reading in 0.01 °C (test hook).</summary>
        public int InternalTemperatureCentiCelsius
        {
            get => _internalCentiCelsius;
            set => _internalCentiCelsius = value;
        }

        /// <summary>False simulates a chip without a usable internal sensor (test hook).</summary>
        public bool HasInternalTemperatureSensor
        {
            get => _hasInternalSensor;
            set => _hasInternalSensor = value;
        }

        /// <inheritdoc />
        public bool TryReadInternalTemperature(out int centiCelsius)
        {
            centiCelsius = _hasInternalSensor ? _internalCentiCelsius : 0;
            return _hasInternalSensor;
        }

        /// <summary>Moves uptime forward, also a frozen one (test hook: a timeout passes without waiting).</summary>
        /// <param name="ms">Milliseconds, at least 0.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="ms"/> is negative: time does not run back.</exception>
        public void Advance(long ms)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(ms);
            Interlocked.Add(ref _offsetMs, ms);
            if (Interlocked.Read(ref _frozenMs) != NotFrozen)
            {
                Interlocked.Add(ref _frozenMs, ms);
            }
        }

        /// <summary>Stops uptime at <paramref name="ms"/> until <see cref="Advance"/> moves it (test hook: byte-exact timestamps).</summary>
        /// <param name="ms">The uptime to report, at least 0.</param>
        public void Freeze(long ms)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(ms);
            Interlocked.Exchange(ref _frozenMs, ms);
        }

        /// <summary>The managed heap's committed and used bytes. The committed figure is the last collection's: before the
        /// first collection it is 0, and the heap may have outgrown it since; then a gen-0 collection refreshes it (a
        /// stale figure made INFO report 0 bytes free).</summary>
        private static (long Committed, long Used) HeapBytes()
        {
            long used = GC.GetTotalMemory(false);
            long committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
            if (committed < used)
            {
                GC.Collect(0);
                used = GC.GetTotalMemory(false);
                committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
            }

            return (Math.Max(committed, used), used);
        }

        private static uint Clamp(long bytes) => bytes > uint.MaxValue ? uint.MaxValue : (uint)bytes;
    }
}
