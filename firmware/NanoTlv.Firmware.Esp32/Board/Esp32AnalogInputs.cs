using System.Device.Adc;
using NanoTlv.Firmware.Board;

namespace NanoTlv.Firmware.Esp32.Board
{
    /// <summary>
    /// <see cref="IAnalogInputs"/> on nanoFramework's <see cref="AdcController"/>. Channels are opened on
    /// first use and kept. nanoFramework numbers the ESP32's ADC channels 0..7 (ADC1), 8 (internal
    /// temperature sensor), 9 (Hall sensor) and 10..19 (ADC2, unusable while Wi-Fi runs).
    /// </summary>
    internal sealed class Esp32AnalogInputs : IAnalogInputs
    {
        /// <summary>
        /// Input voltage of the largest raw value. nanoFramework configures every ESP32 ADC channel with
        /// 11 dB attenuation, whose full scale is about 3.1 V; the ADC is uncalibrated and nonlinear
        /// above about 2.45 V, so millivolts derived from it are approximate.
        /// </summary>
        private const int NominalFullScaleMillivolts = 3100;

        private readonly AdcController _controller;
        private readonly AdcChannel?[] _channels;
        private readonly int _resolutionBits;

        /// <summary>Creates the driver. nanoFramework allows one <see cref="AdcController"/> per ADC.</summary>
        /// <param name="controller">The ADC controller.</param>
        public Esp32AnalogInputs(AdcController controller)
        {
            _controller = controller;
            _channels = new AdcChannel?[controller.ChannelCount];
            _resolutionBits = controller.ResolutionInBits;
        }

        /// <inheritdoc/>
        public int ResolutionBits => _resolutionBits;

        /// <inheritdoc/>
        public int FullScaleMillivolts => NominalFullScaleMillivolts;

        /// <inheritdoc/>
        public int Read(int channel)
        {
            AdcChannel? adc;
            lock (_channels)
            {
                adc = _channels[channel];
                if (adc == null)
                {
                    adc = _controller.OpenChannel(channel);
                    _channels[channel] = adc;
                }
            }

            return adc.ReadValue();
        }
    }
}
