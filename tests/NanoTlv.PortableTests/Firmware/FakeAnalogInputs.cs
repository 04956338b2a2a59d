using NanoTlv.Firmware.Board;

namespace NanoTlv.PortableTests.Firmware
{
    /// <summary>The ADC of <see cref="FakeBoard"/>: a 12-bit, 3.3 V converter on which every channel reads mid-scale.</summary>
    public sealed class FakeAnalogInputs : IAnalogInputs
    {
        /// <summary>Raw value every channel reads.</summary>
        public const int RawReading = 2048;

        private const int AdcResolutionBits = 12;
        private const int AdcFullScaleMillivolts = 3300;

        /// <inheritdoc/>
        public int ResolutionBits => AdcResolutionBits;

        /// <inheritdoc/>
        public int FullScaleMillivolts => AdcFullScaleMillivolts;

        /// <inheritdoc/>
        public int Read(int channel) => RawReading;
    }
}
