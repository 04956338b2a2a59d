using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    internal sealed partial class PinService
    {
        /// <summary>Bits of a raw ADC reading.</summary>
        public int AnalogResolutionBits => _analog.ResolutionBits;

        /// <summary>Millivolts of the largest raw ADC reading.</summary>
        public int AnalogFullScaleMillivolts => _analog.FullScaleMillivolts;

        /// <summary>ANALOG_READ: reads a pin's ADC channel. The pin must not be driven (output or PWM).</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="raw">The raw value as the driver read it.</param>
        /// <returns>The outcome.</returns>
        public StatusCode ReadAnalog(int pin, out int raw)
        {
            lock (_sync)
            {
                raw = 0;
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                int channel = _pins.AdcChannelOf(pin);
                if (channel == PinDescription.AdcChannelNone)
                {
                    return StatusCode.NoAdcChannel;
                }

                PinUse use = _pins.UseOf(pin);
                if (IsOutput(use) || use == PinUse.Pwm)
                {
                    return StatusCode.WrongPinMode;
                }

                raw = _analog.Read(channel);
                return StatusCode.Ok;
            }
        }
    }
}
