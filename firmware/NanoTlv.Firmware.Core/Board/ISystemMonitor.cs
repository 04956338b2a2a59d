namespace NanoTlv.Firmware.Board
{
    /// <summary>Clock, memory and chip sensors of the board.</summary>
    public interface ISystemMonitor
    {
        /// <summary>Milliseconds since the board started; monotonic.</summary>
        long UptimeMs { get; }

        /// <summary>Free managed heap bytes.</summary>
        uint FreeMemoryBytes { get; }

        /// <summary>Total managed heap bytes.</summary>
        uint TotalMemoryBytes { get; }

        /// <summary>Reads the chip's internal temperature sensor.</summary>
        /// <param name="centiCelsius">Temperature in hundredths of a degree Celsius.</param>
        /// <returns>False when the chip has no usable internal sensor.</returns>
        bool TryReadInternalTemperature(out int centiCelsius);
    }
}
