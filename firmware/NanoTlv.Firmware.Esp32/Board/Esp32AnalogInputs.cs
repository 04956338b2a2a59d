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
        public int FullScaleMillivolts => Esp32DevKitBoard.AdcFullScaleMillivolts;

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
