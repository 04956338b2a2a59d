using System.Device.Gpio;
using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.Firmware.Esp32.Status
{
    /// <summary>Shows a <see cref="LedPattern"/> on one output pin, blinking from a timer.</summary>
    internal sealed class StatusLed
    {
        private const int ConnectingHalfPeriodMs = 100;
        private const int WaitingHalfPeriodMs = 1000;

        private readonly GpioPin? _pin;
        private readonly Timer _timer;
        private readonly object _sync = new object();
        private LedPattern _pattern = LedPattern.Off;

        /// <summary>Opens the LED pin (nothing is shown when <paramref name="pin"/> is <see cref="BoardDescription.NoPin"/>).</summary>
        /// <param name="gpio">The GPIO controller.</param>
        /// <param name="pin">LED pin or <see cref="BoardDescription.NoPin"/>.</param>
        public StatusLed(GpioController gpio, int pin)
        {
            if (pin != BoardDescription.NoPin)
            {
                _pin = gpio.OpenPin(pin, PinMode.Output);
                _pin.Write(PinValue.Low);
            }

            _timer = new Timer(OnTick, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>Switches to <paramref name="pattern"/>; no effect when it is already shown.</summary>
        /// <param name="pattern">The pattern.</param>
        public void Show(LedPattern pattern)
        {
            if (_pin == null)
            {
                return;
            }

            lock (_sync)
            {
                if (pattern == _pattern)
                {
                    return;
                }

                _pattern = pattern;
                switch (pattern)
                {
                    case LedPattern.Connecting:
                        _timer.Change(0, ConnectingHalfPeriodMs);
                        break;
                    case LedPattern.WaitingForClient:
                        _timer.Change(0, WaitingHalfPeriodMs);
                        break;
                    default:
                        _timer.Change(Timeout.Infinite, Timeout.Infinite);
                        _pin.Write(pattern == LedPattern.ClientConnected ? PinValue.High : PinValue.Low);
                        break;
                }
            }
        }

        private void OnTick(object? state)
        {
            lock (_sync)
            {
                if (_pattern == LedPattern.Connecting || _pattern == LedPattern.WaitingForClient)
                {
                    _pin?.Toggle();
                }
            }
        }
    }
}
