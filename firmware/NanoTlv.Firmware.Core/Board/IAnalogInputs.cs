namespace NanoTlv.Firmware.Board
{
    /// <summary>The board's ADC driver.</summary>
    public interface IAnalogInputs
    {
        /// <summary>Bits of a raw reading (12 on ESP32).</summary>
        int ResolutionBits { get; }

        /// <summary>Millivolts that the largest raw value stands for.</summary>
        int FullScaleMillivolts { get; }

        /// <summary>Reads ADC <paramref name="channel"/>.</summary>
        /// <param name="channel">The ADC channel (from the pin's <see cref="PinDescription.AdcChannel"/>).</param>
        /// <returns>The raw value, 0..2^<see cref="ResolutionBits"/>-1.</returns>
        int Read(int channel);
    }
}
