using System;
using System.Diagnostics;
using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// The virtual board's clock, memory figures and chip temperature sensor. Uptime runs from construction;
    /// memory figures are this process's managed heap; the internal temperature is whatever a test sets.
    /// </summary>
    public sealed class VirtualSystemMonitor : ISystemMonitor
    {
        /// <summary>Internal temperature reported until a test sets another (an idle ESP32 runs warm).</summary>
        public const int DefaultInternalCentiCelsius = 4500;

        private readonly Stopwatch _uptime = Stopwatch.StartNew();
        private volatile int _internalCentiCelsius = DefaultInternalCentiCelsius;
        private volatile bool _hasInternalSensor = true;

        /// <inheritdoc />
        public long UptimeMs => _uptime.ElapsedMilliseconds;

        /// <inheritdoc />
        public uint FreeMemoryBytes
        {
            get
            {
                long used = GC.GetTotalMemory(false);
                return Clamp(Math.Max(GetCommittedBytes(used) - used, 0));
            }
        }

        /// <inheritdoc />
        public uint TotalMemoryBytes => Clamp(GetCommittedBytes(GC.GetTotalMemory(false)));

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

        private static long GetCommittedBytes(long used) => Math.Max(GC.GetGCMemoryInfo().TotalCommittedBytes, used);

        private static uint Clamp(long bytes) => bytes > uint.MaxValue ? uint.MaxValue : (uint)bytes;
    }
}
