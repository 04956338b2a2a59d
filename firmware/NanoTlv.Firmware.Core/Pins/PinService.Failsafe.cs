using System;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    internal sealed partial class PinService
    {
        /// <summary>FAILSAFE: sets or clears a pin's failsafe level; the caller becomes the pin's controller.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="level">0, 1 or <see cref="WireMarkers.FailsafeClear"/>.</param>
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

                if (level > 1 && level != WireMarkers.FailsafeClear)
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
                if (level != WireMarkers.FailsafeClear && !IsOutput(use) && use != PinUse.Pwm)
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
                if (options.GetFailsafeLevel(pin) != WireMarkers.FailsafeClear &&
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
    }
}
