using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Events;
using NanoTlv.Firmware.Failsafe;
using NanoTlv.Firmware.Pulses;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    /// <summary>
    /// Digital pin operations: checks a request against the board and the pin's state, then drives the
    /// GPIO driver and records the new state, all under the pin lock. Every operation that changes a pin makes
    /// the calling connection its controller (see <see cref="PinGuard.OwnerOf"/>).
    /// </summary>
    /// <remarks>
    /// Checks run in one order for every command: pin number (<see cref="StatusCode.PinOutOfRange"/>),
    /// reservation (<see cref="StatusCode.PinReserved"/>), argument values (<see cref="StatusCode.BadArgument"/>),
    /// pin capability (<see cref="StatusCode.UnsupportedMode"/>), pin state (<see cref="StatusCode.WrongPinMode"/>,
    /// <see cref="StatusCode.Busy"/>).
    /// </remarks>
    internal sealed class PinController
    {
        private readonly PinGuard _pins;
        private readonly IDigitalPins _digital;
        private readonly IPwmOutputs _pwm;
        private readonly PulseScheduler _pulses;
        private readonly PinEventRouter _events;
        private readonly FailsafeTable _failsafeLevels;

        /// <summary>Creates the controller.</summary>
        /// <param name="pins">Pin checks, state and lock.</param>
        /// <param name="digital">GPIO driver.</param>
        /// <param name="pwm">PWM driver (stopped when a PWM pin changes use).</param>
        /// <param name="pulses">Pulse deadlines.</param>
        /// <param name="events">Input-change subscriptions.</param>
        /// <param name="failsafeLevels">Failsafe levels, cleared when a pin becomes an input.</param>
        public PinController(PinGuard pins, IDigitalPins digital, IPwmOutputs pwm, PulseScheduler pulses, PinEventRouter events, FailsafeTable failsafeLevels)
        {
            _failsafeLevels = failsafeLevels;
            _pins = pins;
            _digital = digital;
            _pwm = pwm;
            _pulses = pulses;
            _events = events;
        }

        /// <summary>PIN_MODE: puts a pin in a mode. An input mode clears the pin's failsafe level: driving it at
        /// disconnect would turn the input into an output against whatever drives the line.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="mode">Mode byte from the request.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode SetMode(int pin, byte mode, int slot)
        {
            lock (_pins.SyncRoot)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                if (mode > PinUse.HighestMode)
                {
                    return StatusCode.BadArgument;
                }

                if (!_pins.Has(pin, PinUse.RequiredFor((PinMode)mode)))
                {
                    return StatusCode.UnsupportedMode;
                }

                bool stayInput = PinUse.IsInput(_pins.UseOf(pin)) && PinUse.IsInput(mode);
                LeaveCurrentUseLocked(pin, stayInput);
                _digital.SetMode(pin, (PinMode)mode);
                _pins.SetUse(pin, mode);
                if (PinUse.IsOutput(mode))
                {
                    _pins.SetLevel(pin, _digital.Read(pin));
                }
                else
                {
                    _failsafeLevels.Set(pin, MessageLayout.FailsafeClear);
                    if (stayInput)
                    {
                        _events.RestartPin(pin);
                    }
                }

                _pins.SetOwner(pin, slot);
                return StatusCode.Ok;
            }
        }

        /// <summary>DIGITAL_WRITE: drives an output.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="level">Level byte from the request (0 or 1).</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode Write(int pin, byte level, int slot)
        {
            lock (_pins.SyncRoot)
            {
                StatusCode status = CheckDrivable(pin, level);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                Drive(pin, level == 1, slot);
                return StatusCode.Ok;
            }
        }

        /// <summary>DIGITAL_TOGGLE: inverts an output.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <param name="high">The new level.</param>
        /// <returns>The outcome.</returns>
        public StatusCode Toggle(int pin, int slot, out bool high)
        {
            lock (_pins.SyncRoot)
            {
                high = false;
                StatusCode status = CheckDrivable(pin, 0);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                high = !_pins.LevelOf(pin);
                Drive(pin, high, slot);
                return StatusCode.Ok;
            }
        }

        /// <summary>DIGITAL_READ: reads an input's line or an output's driven level.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="high">The level.</param>
        /// <returns>The outcome.</returns>
        public StatusCode Read(int pin, out bool high)
        {
            lock (_pins.SyncRoot)
            {
                high = false;
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                byte use = _pins.UseOf(pin);
                if (!PinUse.IsInput(use) && !PinUse.IsOutput(use))
                {
                    return StatusCode.WrongPinMode;
                }

                high = _digital.Read(pin);
                return StatusCode.Ok;
            }
        }

        /// <summary>PULSE: drives a level now and restores the previous one after the duration.
        /// A pulsing pin refuses WRITE, TOGGLE and another PULSE with <see cref="StatusCode.Busy"/>.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="level">Level byte (0 or 1).</param>
        /// <param name="durationMs">Duration, 1..<see cref="MessageLayout.MaxPulseMs"/>.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode Pulse(int pin, byte level, uint durationMs, int slot)
        {
            lock (_pins.SyncRoot)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                if (durationMs == 0 || durationMs > MessageLayout.MaxPulseMs)
                {
                    return StatusCode.BadArgument;
                }

                status = CheckDrivable(pin, level);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                bool previous = _pins.LevelOf(pin);
                if (!_pulses.Start(pin, (int)durationMs, previous))
                {
                    return StatusCode.Busy;
                }

                _digital.Write(pin, level == 1);
                _pins.SetLevel(pin, level == 1);
                _pins.SetOwner(pin, slot);
                return StatusCode.Ok;
            }
        }

        /// <summary>Drives a failsafe level: ends the pin's current use (pulse, PWM, events), makes it an output
        /// if it is not one, writes the level. Call with the pin lock held.</summary>
        /// <param name="pin">A pin with the output capability.</param>
        /// <param name="high">The level.</param>
        public void DriveFailsafeLocked(int pin, bool high)
        {
            LeaveCurrentUseLocked(pin, false);
            if (!PinUse.IsOutput(_pins.UseOf(pin)))
            {
                _digital.SetMode(pin, PinMode.Output);
                _pins.SetUse(pin, (byte)PinMode.Output);
            }

            _digital.Write(pin, high);
            _pins.SetLevel(pin, high);
        }

        /// <summary>PWM_SET on a usable pin: starts or retunes PWM, ending the pin's previous use. Call with the pin
        /// lock held.</summary>
        /// <param name="pin">A pin that passed <see cref="PinGuard.CheckUsable"/>.</param>
        /// <param name="frequencyHz">Frequency, 1..<see cref="MessageLayout.MaxPwmFrequencyHz"/>.</param>
        /// <param name="duty">Duty in ten-thousandths, 0..<see cref="MessageLayout.FullDuty"/>.</param>
        /// <param name="slot">The calling connection's slot, which then controls the pin.</param>
        /// <returns>The outcome.</returns>
        public StatusCode StartPwmLocked(int pin, uint frequencyHz, int duty, int slot)
        {
            if (frequencyHz == 0 || frequencyHz > MessageLayout.MaxPwmFrequencyHz || duty > MessageLayout.FullDuty)
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
                LeaveCurrentUseLocked(pin, false);
            }

            if (!_pwm.Start(pin, (int)frequencyHz, duty))
            {
                return StatusCode.NoPwmChannel;
            }

            _pins.SetUse(pin, PinUse.Pwm);
            _pins.SetOwner(pin, slot);
            return StatusCode.Ok;
        }

        /// <summary>PWM_STOP on a usable pin: stops PWM if it runs (the pin is left unconfigured). Call with the pin
        /// lock held.</summary>
        /// <param name="pin">A pin that passed <see cref="PinGuard.CheckUsable"/>.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode StopPwmLocked(int pin, int slot)
        {
            if (!_pins.Has(pin, PinCapabilities.Pwm))
            {
                return StatusCode.NoPwmChannel;
            }

            if (StopRunningPwmLocked(pin))
            {
                _pins.SetOwner(pin, slot);
            }

            return StatusCode.Ok;
        }

        /// <summary>Ends what a pin is doing before it changes use: cancels a pulse, stops PWM and (unless it
        /// stays an input) drops its subscriptions. Call with the pin lock held.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <param name="keepSubscriptions">True when the pin stays in an input mode.</param>
        private void LeaveCurrentUseLocked(int pin, bool keepSubscriptions)
        {
            _pulses.Cancel(pin);
            StopRunningPwmLocked(pin);
            if (!keepSubscriptions)
            {
                _events.DropPin(pin);
            }
        }

        /// <returns>True when the pin was running PWM (it is unconfigured now).</returns>
        private bool StopRunningPwmLocked(int pin)
        {
            if (_pins.UseOf(pin) != PinUse.Pwm)
            {
                return false;
            }

            _pwm.Stop(pin);
            _pins.SetUse(pin, PinUse.Unconfigured);
            return true;
        }

        private StatusCode CheckDrivable(int pin, byte level)
        {
            StatusCode status = _pins.CheckUsable(pin);
            if (status != StatusCode.Ok)
            {
                return status;
            }

            if (level > 1)
            {
                return StatusCode.BadArgument;
            }

            if (!_pins.Has(pin, PinCapabilities.DigitalOutput))
            {
                return StatusCode.UnsupportedMode;
            }

            if (!PinUse.IsOutput(_pins.UseOf(pin)))
            {
                return StatusCode.WrongPinMode;
            }

            return _pulses.IsPulsing(pin) ? StatusCode.Busy : StatusCode.Ok;
        }

        private void Drive(int pin, bool high, int slot)
        {
            _digital.Write(pin, high);
            _pins.SetLevel(pin, high);
            _pins.SetOwner(pin, slot);
        }
    }
}
