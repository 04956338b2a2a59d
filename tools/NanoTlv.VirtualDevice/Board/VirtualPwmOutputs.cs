using System;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// In-memory PWM driver with inspectable state. Like the ESP32's LEDC it has a fixed number of
    /// channels (16): starting one more pin than that fails. Timer sharing between channels is not modelled.
    /// </summary>
    public sealed class VirtualPwmOutputs : IPwmOutputs
    {
        /// <summary>LEDC channels on the ESP32 (8 high-speed + 8 low-speed).</summary>
        public const int DefaultChannelCount = 16;

        private readonly BoardDescription _description;
        private readonly int _channelCount;
        private readonly PwmState[] _states;
        private readonly Lock _sync = new();
        private int _running;

        /// <summary>Creates the driver with <see cref="DefaultChannelCount"/> channels.</summary>
        /// <param name="description">The board, for pin capabilities.</param>
        public VirtualPwmOutputs(BoardDescription description)
            : this(description, DefaultChannelCount)
        {
        }

        /// <summary>Creates the driver.</summary>
        /// <param name="description">The board, for pin capabilities.</param>
        /// <param name="channelCount">Pins that can run PWM at the same time.</param>
        public VirtualPwmOutputs(BoardDescription description, int channelCount)
        {
            ArgumentNullException.ThrowIfNull(description);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
            _description = description;
            _channelCount = channelCount;
            _states = new PwmState[description.PinCount];
        }

        /// <summary>Pins running PWM now.</summary>
        public int RunningCount
        {
            get
            {
                lock (_sync)
                {
                    return _running;
                }
            }
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentException">The pin has no PWM capability or is reserved (the core should have refused it).</exception>
        /// <exception cref="ArgumentOutOfRangeException">Frequency not above 0 or duty outside 0..10000.</exception>
        public bool Start(int pin, int frequencyHz, int dutyTenThousandths)
        {
            RequirePwmPin(pin);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequencyHz);
            if (dutyTenThousandths < 0 || dutyTenThousandths > ProtocolLimits.FullDuty)
            {
                throw new ArgumentOutOfRangeException(nameof(dutyTenThousandths), dutyTenThousandths, "Duty must be 0..10000.");
            }

            lock (_sync)
            {
                if (!_states[pin].IsRunning)
                {
                    if (_running == _channelCount)
                    {
                        return false;
                    }

                    _running++;
                }

                _states[pin] = new PwmState(true, frequencyHz, dutyTenThousandths);
                return true;
            }
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentOutOfRangeException">The board has no such pin.</exception>
        public void Stop(int pin)
        {
            RequireExisting(pin);
            lock (_sync)
            {
                if (_states[pin].IsRunning)
                {
                    _running--;
                    _states[pin] = _states[pin] with { IsRunning = false };
                }
            }
        }

        /// <summary>The pin's PWM state (test hook).</summary>
        /// <param name="pin">GPIO number on the board.</param>
        /// <returns>The state; not running with zeros for a pin never started.</returns>
        public PwmState GetState(int pin)
        {
            RequireExisting(pin);
            lock (_sync)
            {
                return _states[pin];
            }
        }

        private void RequireExisting(int pin)
        {
            if (_description.GetPin(pin) == null)
            {
                throw new ArgumentOutOfRangeException(nameof(pin), pin, "Not a pin of " + _description.Name + ".");
            }
        }

        private void RequirePwmPin(int pin)
        {
            PinDescription? description = _description.GetPin(pin);
            if (description == null || description.IsReserved || !description.Has(PinCapabilities.Pwm))
            {
                throw new ArgumentException("GPIO " + pin + " has no usable PWM output on " + _description.Name + ".", nameof(pin));
            }
        }
    }
}
