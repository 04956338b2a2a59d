using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    internal sealed partial class PinService
    {
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
                    _failsafe.Set(pin, WireMarkers.FailsafeClear);
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
        /// <param name="durationMs">Duration, 1..<see cref="ProtocolLimits.MaxPulseMs"/>.</param>
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

                if (durationMs == 0 || durationMs > ProtocolLimits.MaxPulseMs || level > 1)
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

        /// <inheritdoc/>
        public void EndPulse(int pin, bool high)
        {
            _digital.Write(pin, high);
            _pins.SetLevel(pin, high);
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
