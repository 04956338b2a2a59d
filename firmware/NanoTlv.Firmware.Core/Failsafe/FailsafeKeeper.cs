using System;
using NanoTlv.Firmware.Events;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Failsafe
{
    /// <summary>
    /// Puts pins into their failsafe levels: at start-up for the boot-configured levels, and when a
    /// connection ends for the pins it controlled.
    /// </summary>
    /// <remarks>
    /// The controlling connection of a pin is the one that last changed it: PIN_MODE, DIGITAL_WRITE,
    /// DIGITAL_TOGGLE, PULSE, PWM_SET, PWM_STOP or FAILSAFE. When that connection closes, fails, times out
    /// or idles out, each pin it controls that has a failsafe level is driven to it (pulse cancelled, PWM
    /// stopped, subscriptions dropped, made an output), and the pin is released. Pins without a level keep
    /// their state. Pins another connection took over since are left alone.
    /// </remarks>
    internal sealed class FailsafeKeeper
    {
        private readonly PinGuard _pins;
        private readonly FailsafeTable _levels;
        private readonly PinController _controller;
        private readonly PinEventRouter _events;
        private readonly ILog _log;

        /// <summary>Creates the keeper.</summary>
        /// <param name="pins">Pin state and lock.</param>
        /// <param name="levels">Failsafe levels.</param>
        /// <param name="controller">Drives the levels.</param>
        /// <param name="events">Subscriptions, dropped for a closing connection.</param>
        /// <param name="log">Where applied levels are reported.</param>
        public FailsafeKeeper(PinGuard pins, FailsafeTable levels, PinController controller, PinEventRouter events, ILog log)
        {
            _pins = pins;
            _levels = levels;
            _controller = controller;
            _events = events;
            _log = log;
        }

        /// <summary>FAILSAFE: sets or clears a pin's level; the caller becomes the pin's controller. A level is only
        /// set on a pin that already drives its line (an output mode or PWM): on an input it would turn the input into
        /// a driven output at disconnect, shorting whatever drives the line (<see cref="StatusCode.WrongPinMode"/>).
        /// Clearing is always accepted.</summary>
        /// <param name="pin">Pin number.</param>
        /// <param name="level">0, 1 or <see cref="MessageLayout.FailsafeClear"/>.</param>
        /// <param name="slot">The calling connection's slot.</param>
        /// <returns>The outcome.</returns>
        public StatusCode Configure(int pin, byte level, int slot)
        {
            lock (_pins.SyncRoot)
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

                byte use = _pins.UseOf(pin);
                if (level != MessageLayout.FailsafeClear && !PinUse.IsOutput(use) && use != PinUse.Pwm)
                {
                    return StatusCode.WrongPinMode;
                }

                _levels.Set(pin, level);
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
            for (int pin = 0; pin <= byte.MaxValue; pin++)
            {
                if (options.GetFailsafeLevel(pin) != MessageLayout.FailsafeClear &&
                    (_pins.CheckUsable(pin) != StatusCode.Ok || !_pins.Has(pin, PinCapabilities.DigitalOutput)))
                {
                    return pin;
                }
            }

            return -1;
        }

        /// <summary>Drives every boot-configured level (start-up).</summary>
        public void ApplyBootLevels()
        {
            lock (_pins.SyncRoot)
            {
                for (int pin = 0; pin < _levels.PinCount; pin++)
                {
                    if (_levels.HasLevel(pin))
                    {
                        _controller.DriveFailsafeLocked(pin, _levels.LevelOf(pin));
                        _log.Info("failsafe: GPIO " + pin + " set to " + (_levels.LevelOf(pin) ? "1" : "0") + " at start-up");
                    }
                }
            }
        }

        /// <summary>Releases everything a closing connection held: its subscriptions, and its pins,
        /// driving the failsafe level of each that has one.</summary>
        /// <param name="slot">The connection's slot.</param>
        /// <param name="connectionName">For the log, e.g. "session 2".</param>
        public void ReleaseSession(int slot, string connectionName)
        {
            lock (_pins.SyncRoot)
            {
                _events.RemoveSession(slot);
                for (int pin = 0; pin < _pins.PinCount; pin++)
                {
                    if (_pins.OwnerOf(pin) != slot)
                    {
                        continue;
                    }

                    _pins.SetOwner(pin, PinGuard.NoOwner);
                    if (_levels.HasLevel(pin))
                    {
                        ApplyOne(pin, connectionName);
                    }
                }
            }
        }

        private void ApplyOne(int pin, string connectionName)
        {
            try
            {
                _controller.DriveFailsafeLocked(pin, _levels.LevelOf(pin));
                _log.Info(connectionName + ": failsafe GPIO " + pin + " -> " + (_levels.LevelOf(pin) ? "1" : "0"));
            }
            catch (Exception e)
            {
                _log.Error(connectionName + ": failsafe GPIO " + pin + " failed: " + e.Message);
            }
        }
    }
}
