using System;
using NanoTlv.Firmware.Board;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace NanoTlv.Firmware.Esp32.Board
{
    /// <summary>
    /// <see cref="ISystemMonitor"/> for the ESP32: uptime from the system timer, managed heap from the
    /// garbage collector, temperature from the chip's internal sensor.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>nanoFramework exposes the free managed heap (<see cref="NativeGC.Run"/>) but not its size, so
    /// <see cref="TotalMemoryBytes"/> is the heap that was free at start-up, measured once after a compacting
    /// collection before the server allocated anything: the memory the application had to work with.</item>
    /// <item>On the original ESP32, nanoFramework's ADC channel 8 returns the internal temperature sensor's
    /// raw reading, in degrees Fahrenheit, uncalibrated: it measures the die, not the room, can be off by
    /// several degrees from chip to chip, and rises with load. Chips without a working sensor report 128 (and
    /// nanoFramework builds on the newer ADC driver report 0); both are treated as "no sensor".</item>
    /// </list>
    /// </remarks>
    internal sealed class Esp32SystemMonitor : ISystemMonitor
    {
        private const int InternalTemperatureChannel = 8;
        private const int NoSensorReading = 128;
        private const int FahrenheitOffset = 32;

        // °C × 100 = (°F − 32) × 100 / 1.8 = (°F − 32) × 500 / 9
        private const int CentiCelsiusPerFahrenheitNumerator = 500;
        private const int CentiCelsiusPerFahrenheitDenominator = 9;

        private readonly IAnalogInputs _adc;
        private readonly uint _heapAtStartBytes;

        /// <summary>Creates the monitor; create it before anything else allocates much.</summary>
        /// <param name="adc">The ADC driver (reads the temperature channel).</param>
        public Esp32SystemMonitor(IAnalogInputs adc)
        {
            _adc = adc;
            _heapAtStartBytes = NativeGC.Run(true);
        }

        /// <inheritdoc/>
        public long UptimeMs => Environment.TickCount64;

        /// <inheritdoc/>
        /// <remarks>Runs a (non-compacting) collection first, so the figure is what is really free.</remarks>
        public uint FreeMemoryBytes => NativeGC.Run(false);

        /// <inheritdoc/>
        public uint TotalMemoryBytes => _heapAtStartBytes;

        /// <inheritdoc/>
        public bool TryReadInternalTemperature(out int centiCelsius)
        {
            int fahrenheit = _adc.Read(InternalTemperatureChannel);
            if (fahrenheit <= 0 || fahrenheit == NoSensorReading)
            {
                centiCelsius = 0;
                return false;
            }

            centiCelsius = (fahrenheit - FahrenheitOffset) * CentiCelsiusPerFahrenheitNumerator / CentiCelsiusPerFahrenheitDenominator;
            return true;
        }
    }
}
