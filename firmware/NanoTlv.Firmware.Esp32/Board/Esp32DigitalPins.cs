using System;
using System.Device.Gpio;
using NanoTlv.Firmware.Board;
using GpioPinMode = System.Device.Gpio.PinMode;

namespace NanoTlv.Firmware.Esp32.Board
{
    /// <summary>
    /// <see cref="IDigitalPins"/> on nanoFramework's <see cref="GpioController"/>. A pin is opened on its
    /// first <see cref="SetMode"/> and kept open; change events use the pin's native debounce and carry the
    /// board uptime from <see cref="ISystemMonitor.UptimeMs"/>.
    /// </summary>
    internal sealed class Esp32DigitalPins : IDigitalPins
    {
        private readonly GpioController _controller;
        private readonly ISystemMonitor _clock;
        private readonly GpioPin?[] _pins;
        private readonly IPinChangeListener?[] _listeners;
        private readonly PinValueChangedEventHandler _onValueChanged;

        /// <summary>Creates the driver.</summary>
        /// <param name="controller">The GPIO controller.</param>
        /// <param name="pinCount">One more than the highest GPIO number.</param>
        /// <param name="clock">Source of event timestamps.</param>
        public Esp32DigitalPins(GpioController controller, int pinCount, ISystemMonitor clock)
        {
            _controller = controller;
            _clock = clock;
            _pins = new GpioPin?[pinCount];
            _listeners = new IPinChangeListener?[pinCount];
            _onValueChanged = OnValueChanged;
        }

        /// <inheritdoc/>
        public void SetMode(int pin, GpioMode mode)
        {
            GpioPinMode gpioMode = ToGpioMode(mode);
            lock (_pins)
            {
                GpioPin? gpio = _pins[pin];
                if (gpio == null)
                {
                    _pins[pin] = _controller.OpenPin(pin, gpioMode);
                }
                else
                {
                    gpio.SetPinMode(gpioMode);
                }
            }
        }

        /// <inheritdoc/>
        public void Write(int pin, bool high) => Opened(pin).Write(high ? PinValue.High : PinValue.Low);

        /// <inheritdoc/>
        public bool Read(int pin) => Opened(pin).Read() == PinValue.High;

        /// <inheritdoc/>
        public void StartChangeEvents(int pin, int debounceMs, IPinChangeListener listener)
        {
            GpioPin gpio = Opened(pin);
            gpio.DebounceTimeout = TimeSpan.FromMilliseconds(debounceMs);
            lock (_pins)
            {
                bool subscribed = _listeners[pin] != null;
                _listeners[pin] = listener;
                if (!subscribed)
                {
                    gpio.ValueChanged += _onValueChanged;
                }
            }
        }

        /// <inheritdoc/>
        public void StopChangeEvents(int pin)
        {
            lock (_pins)
            {
                GpioPin? gpio = _pins[pin];
                if (gpio == null || _listeners[pin] == null)
                {
                    return;
                }

                _listeners[pin] = null;
                gpio.ValueChanged -= _onValueChanged;
            }
        }

        // Our numbering differs from nanoFramework's (and from dotnet/iot's): map by name, never by value.
        private static GpioPinMode ToGpioMode(GpioMode mode)
        {
            switch (mode)
            {
                case GpioMode.Input: return GpioPinMode.Input;
                case GpioMode.InputPullUp: return GpioPinMode.InputPullUp;
                case GpioMode.InputPullDown: return GpioPinMode.InputPullDown;
                case GpioMode.Output: return GpioPinMode.Output;
                case GpioMode.OutputOpenDrain: return GpioPinMode.OutputOpenDrain;
                default: throw new ArgumentOutOfRangeException(nameof(mode), "No GPIO mode for " + (int)mode + ".");
            }
        }

        private GpioPin Opened(int pin)
        {
            GpioPin? gpio = _pins[pin];
            if (gpio == null)
            {
                throw new InvalidOperationException("GPIO " + pin + " is not open: set its mode first.");
            }

            return gpio;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            int pin = e.PinNumber;
            IPinChangeListener? listener = pin >= 0 && pin < _listeners.Length ? _listeners[pin] : null;
            listener?.OnPinChanged(pin, e.ChangeType == PinEventTypes.Rising, _clock.UptimeMs);
        }
    }
}
