using System;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Events;
using NanoTlv.Firmware.Pulses;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    /// <summary>
    /// The one way to the pins: digital I/O, pulses, PWM, analog reads, input-change subscriptions and failsafe
    /// levels. It owns the pin lock, the usability check and the pin state (<see cref="PinStateTable"/>,
    /// <see cref="FailsafeLevels"/>, the <see cref="PulseScheduler"/>); handlers call one method and get a status.
    /// Every operation that changes a pin makes the calling connection its controller.
    /// </summary>
    /// <remarks>
    /// Checks run in one order for every command: pin number (<see cref="StatusCode.PinOutOfRange"/>),
    /// reservation (<see cref="StatusCode.PinReserved"/>), argument values (<see cref="StatusCode.BadArgument"/>),
    /// pin capability (<see cref="StatusCode.UnsupportedMode"/>, <see cref="StatusCode.NoAdcChannel"/>,
    /// <see cref="StatusCode.NoPwmChannel"/>), pin state (<see cref="StatusCode.WrongPinMode"/>, <see cref="StatusCode.Busy"/>).
    /// The controlling connection of a pin is the one that last changed it; when it ends, each pin it controls
    /// that has a failsafe level is driven to it (pulse cancelled, PWM stopped, subscriptions dropped, made an
    /// output) and released. Pins without a level keep their state.
    /// </remarks>
    internal sealed class PinService : IPulseEnd
    {
        private const byte HighestWireMode = (byte)PinMode.OutputOpenDrain;

        private readonly object _sync = new object();
        private readonly PinStateTable _pins;
        private readonly FailsafeLevels _failsafe;
        private readonly IDigitalPins _digital;
        private readonly IPwmOutputs _pwm;
        private readonly IAnalogInputs _analog;
        private readonly PulseScheduler _pulses;
        private readonly PinEventRouter _events;
        private readonly ILog _log;

        /// <summary>Creates the service with every pin unconfigured and the boot failsafe levels recorded (not yet driven).</summary>
        /// <param name="board">The board's pins.</param>
        /// <param name="digital">GPIO driver.</param>
        /// <param name="pwm">PWM driver.</param>
        /// <param name="analog">ADC driver.</param>
        /// <param name="events">Input-change subscriptions.</param>
        /// <param name="clock">Board uptime (pulse deadlines).</param>
        /// <param name="options">Holds the boot failsafe levels.</param>
        /// <param name="log">Where failsafe and pulse outcomes are reported.</param>
        public PinService(BoardDescription board, IDigitalPins digital, IPwmOutputs pwm, IAnalogInputs analog, PinEventRouter events, ISystemMonitor clock, DeviceOptions options, ILog log)
        {
            _pins = new PinStateTable(board);
            _failsafe = new FailsafeLevels(board.PinCount, options);
            _digital = digital;
            _pwm = pwm;
            _analog = analog;
            _events = events;
            _log = log;
            _pulses = new PulseScheduler(board.PinCount, _sync, this, clock, log);
        }

        /// <summary>Bits of a raw ADC reading.</summary>
        public int AnalogResolutionBits => _analog.ResolutionBits;

        /// <summary>Millivolts of the largest raw ADC reading.</summary>
        public int AnalogFullScaleMillivolts => _analog.FullScaleMillivolts;

        /// <summary>PIN_MODE: puts a pin in a mode. An input mode clears the pin's failsafe level.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="mode">Mode byte from the request.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode SetMode(int pin, byte mode, int slot)
        {
            lock (_sync)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                if (mode > HighestWireMode)
                {
                    return StatusCode.BadArgument;
                }

                PinUse use = (PinUse)mode;
                GpioMode gpioMode = ToGpioMode(use);
                if (!_pins.Has(pin, GpioModeRequirements.For(gpioMode)))
                {
                    return StatusCode.UnsupportedMode;
                }

                bool stayInput = IsInput(_pins.UseOf(pin)) && IsInput(use);
                LeaveCurrentUse(pin, stayInput);
                _digital.SetMode(pin, gpioMode);
                _pins.SetUse(pin, use);
                if (IsOutput(use))
                {
                    _pins.SetLevel(pin, _digital.Read(pin));
                }
                else
                {
                    // An input must not be driven at disconnect: its failsafe level goes.
                    _failsafe.Set(pin, MessageLayout.FailsafeClear);
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
            lock (_sync)
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

                status = CheckDrivable(pin);
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
            lock (_sync)
            {
                high = false;
                StatusCode status = _pins.CheckUsable(pin);
                if (status == StatusCode.Ok)
                {
                    status = CheckDrivable(pin);
                }

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
            lock (_sync)
            {
                high = false;
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                PinUse use = _pins.UseOf(pin);
                if (!IsInput(use) && !IsOutput(use))
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
            lock (_sync)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                if (durationMs == 0 || durationMs > MessageLayout.MaxPulseMs || level > 1)
                {
                    return StatusCode.BadArgument;
                }

                status = CheckDrivable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                bool previous = _pins.LevelOf(pin);
                if (!_pulses.Start(pin, (int)durationMs, previous))
                {
                    return StatusCode.Busy;
                }

                Drive(pin, level == 1, slot);
                return StatusCode.Ok;
            }
        }

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

        /// <summary>PWM_SET: starts or retunes PWM, ending the pin's previous use.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="frequencyHz">Frequency, 1..<see cref="MessageLayout.MaxPwmFrequencyHz"/>.</param>
        /// <param name="duty">Duty in ten-thousandths, 0..<see cref="MessageLayout.FullDuty"/>.</param>
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

        /// <summary>SUBSCRIBE: input-change events of an input pin for the calling connection.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="edges">Edges byte from the request (<see cref="PinEdges"/>, not None).</param>
        /// <param name="debounceMs">Debounce time.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode Subscribe(int pin, byte edges, int debounceMs, int slot)
        {
            lock (_sync)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                if (edges == (byte)PinEdges.None || edges > (byte)PinEdges.Both)
                {
                    return StatusCode.BadArgument;
                }

                if (!_pins.Has(pin, PinCapabilities.DigitalInput))
                {
                    return StatusCode.UnsupportedMode;
                }

                if (!IsInput(_pins.UseOf(pin)))
                {
                    return StatusCode.WrongPinMode;
                }

                _events.Subscribe(pin, slot, (PinEdges)edges, debounceMs);
                return StatusCode.Ok;
            }
        }

        /// <summary>UNSUBSCRIBE: ends the calling connection's events of a pin (no effect when it had none).</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode Unsubscribe(int pin, int slot)
        {
            lock (_sync)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status == StatusCode.Ok)
                {
                    _events.Unsubscribe(pin, slot);
                }

                return status;
            }
        }

        /// <summary>FAILSAFE: sets or clears a pin's failsafe level; the caller becomes the pin's controller.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="level">0, 1 or <see cref="MessageLayout.FailsafeClear"/>.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode SetFailsafe(int pin, byte level, int slot)
        {
            lock (_sync)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                if (level > 1 && level != MessageLayout.FailsafeClear)
                {
                    return StatusCode.BadArgument;
                }

                if (!_pins.Has(pin, PinCapabilities.DigitalOutput))
                {
                    return StatusCode.UnsupportedMode;
                }

                // A level only goes on a pin that already drives its line: on an input it would turn the input into
                // a driven output at disconnect, against whatever drives the line. Clearing is always accepted.
                PinUse use = _pins.UseOf(pin);
                if (level != MessageLayout.FailsafeClear && !IsOutput(use) && use != PinUse.Pwm)
                {
                    return StatusCode.WrongPinMode;
                }

                _failsafe.Set(pin, level);
                _pins.SetOwner(pin, slot);
                return StatusCode.Ok;
            }
        }

        /// <summary>
        /// Finds a boot level the options set on a pin that cannot take it: one the board lacks (any GPIO number up
        /// to 255 can be configured) or one that is not a usable output.
        /// </summary>
        /// <param name="options">The options whose boot levels are checked.</param>
        /// <returns>The first such pin, or -1 when every boot level is valid.</returns>
        public int FindInvalidBootLevel(DeviceOptions options)
        {
            for (int pin = 0; pin < options.FailsafePinCount; pin++)
            {
                if (options.GetFailsafeLevel(pin) != MessageLayout.FailsafeClear &&
                    (_pins.CheckUsable(pin) != StatusCode.Ok || !_pins.Has(pin, PinCapabilities.DigitalOutput)))
                {
                    return pin;
                }
            }

            return -1;
        }

        /// <summary>Drives every boot-configured failsafe level (start-up).</summary>
        public void ApplyBootLevels()
        {
            lock (_sync)
            {
                for (int pin = 0; pin < _failsafe.PinCount; pin++)
                {
                    if (_failsafe.HasLevel(pin))
                    {
                        DriveFailsafe(pin);
                        _log.Info("failsafe: GPIO " + pin + " set to " + (_failsafe.LevelOf(pin) ? "1" : "0") + " at start-up");
                    }
                }
            }
        }

        /// <summary>Releases everything a closing connection held: its subscriptions, and its pins, driving the
        /// failsafe level of each that has one.</summary>
        /// <param name="slot">The connection's slot.</param>
        /// <param name="connectionName">For the log, e.g. "slot 2".</param>
        public void ReleaseSession(int slot, string connectionName)
        {
            lock (_sync)
            {
                _events.RemoveSession(slot);
                for (int pin = 0; pin < _pins.PinCount; pin++)
                {
                    if (_pins.OwnerOf(pin) != slot)
                    {
                        continue;
                    }

                    _pins.SetOwner(pin, PinStateTable.NoOwner);
                    if (!_failsafe.HasLevel(pin))
                    {
                        continue;
                    }

                    try
                    {
                        DriveFailsafe(pin);
                        _log.Info(connectionName + ": failsafe GPIO " + pin + " -> " + (_failsafe.LevelOf(pin) ? "1" : "0"));
                    }
                    catch (Exception e)
                    {
                        _log.Error(connectionName + ": failsafe GPIO " + pin + " failed: " + e.Message);
                    }
                }
            }
        }

        /// <summary>Cancels every pulse and releases the pulse timer (the device is stopping).</summary>
        public void StopPulses() => _pulses.Stop();

        /// <inheritdoc/>
        public void EndPulse(int pin, bool high)
        {
            _digital.Write(pin, high);
            _pins.SetLevel(pin, high);
        }

        /// <summary>Drives a pin's failsafe level: ends its current use, makes it an output if it is not one, writes the level.</summary>
        private void DriveFailsafe(int pin)
        {
            bool high = _failsafe.LevelOf(pin);
            LeaveCurrentUse(pin, false);
            if (!IsOutput(_pins.UseOf(pin)))
            {
                _digital.SetMode(pin, GpioMode.Output);
                _pins.SetUse(pin, PinUse.Output);
            }

            _digital.Write(pin, high);
            _pins.SetLevel(pin, high);
        }

        /// <summary>Ends what a pin is doing before it changes use: cancels a pulse, stops PWM and (unless it
        /// stays an input) drops its subscriptions.</summary>
        private void LeaveCurrentUse(int pin, bool keepSubscriptions)
        {
            _pulses.Cancel(pin);
            StopRunningPwm(pin);
            if (!keepSubscriptions)
            {
                _events.DropPin(pin);
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

        /// <summary>Capability and state checks of a usable pin about to be driven.</summary>
        private StatusCode CheckDrivable(int pin)
        {
            if (!_pins.Has(pin, PinCapabilities.DigitalOutput))
            {
                return StatusCode.UnsupportedMode;
            }

            if (!IsOutput(_pins.UseOf(pin)))
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

        private static bool IsInput(PinUse use) => use == PinUse.Input || use == PinUse.InputPullUp || use == PinUse.InputPullDown;

        private static bool IsOutput(PinUse use) => use == PinUse.Output || use == PinUse.OutputOpenDrain;

        /// <summary>The hardware mode of a wire mode (a <see cref="PinUse"/> of 0..<see cref="HighestWireMode"/>).</summary>
        private static GpioMode ToGpioMode(PinUse mode)
        {
            switch (mode)
            {
                case PinUse.InputPullUp:
                    return GpioMode.InputPullUp;
                case PinUse.InputPullDown:
                    return GpioMode.InputPullDown;
                case PinUse.Output:
                    return GpioMode.Output;
                case PinUse.OutputOpenDrain:
                    return GpioMode.OutputOpenDrain;
                default:
                    return GpioMode.Input;
            }
        }
    }
}
