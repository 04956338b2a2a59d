using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    internal sealed partial class PinService
    {
        /// <summary>PWM_SET: starts or retunes PWM, ending the pin's previous use.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="frequencyHz">Frequency, 1..<see cref="ProtocolLimits.MaxPwmFrequencyHz"/>.</param>
        /// <param name="duty">Duty in ten-thousandths, 0..<see cref="ProtocolLimits.FullDuty"/>.</param>
        /// <param name="slot">The calling connection's slot, which then controls the pin.</param>
        /// <returns>The outcome.</returns>
        public StatusCode StartPwm(int pin, uint frequencyHz, int duty, int slot)
        {
            lock (_sync)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                if (frequencyHz == 0 || frequencyHz > ProtocolLimits.MaxPwmFrequencyHz || duty > ProtocolLimits.FullDuty)
                {
                    return StatusCode.BadArgument;
                }

                if (!_pins.Has(pin, PinCapabilities.Pwm))
                {
                    return StatusCode.NoPwmChannel;
                }

                if (_pulses.IsPulsing(pin))
                {
                    return StatusCode.Busy;
                }

                if (_pins.UseOf(pin) != PinUse.Pwm)
                {
                    LeaveCurrentUse(pin, false);
                }

                if (!_pwm.Start(pin, (int)frequencyHz, duty))
                {
                    return StatusCode.NoPwmChannel;
                }

                _pins.SetUse(pin, PinUse.Pwm);
                _pins.SetOwner(pin, slot);
                return StatusCode.Ok;
            }
        }

        /// <summary>PWM_STOP: stops PWM if it runs (the pin is left unconfigured).</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode StopPwm(int pin, int slot)
        {
            lock (_sync)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                if (!_pins.Has(pin, PinCapabilities.Pwm))
                {
                    return StatusCode.NoPwmChannel;
                }

                if (StopRunningPwm(pin))
                {
                    _pins.SetOwner(pin, slot);
                }

                return StatusCode.Ok;
            }
        }

        /// <returns>True when the pin was running PWM (it is unconfigured now).</returns>
        private bool StopRunningPwm(int pin)
        {
            if (_pins.UseOf(pin) != PinUse.Pwm)
            {
                return false;
            }

            _pwm.Stop(pin);
            _pins.SetUse(pin, PinUse.Unconfigured);
            return true;
        }
    }
}
