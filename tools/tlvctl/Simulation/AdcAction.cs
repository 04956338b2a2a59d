using System;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Cli.Simulation
{
    /// <summary><c>adc PIN VOLTAGE</c> and <c>adc PIN ramp FROM..TO over TIME</c>: the voltage on an ADC pin,
    /// constant or moving linearly from one value to another.</summary>
    internal sealed class AdcAction : SimulationAction
    {
        private readonly int _pin;
        private readonly int _fromMillivolts;
        private readonly int _toMillivolts;
        private readonly TimeSpan _duration;

        public AdcAction(int pin, int millivolts)
            : this(pin, millivolts, millivolts, TimeSpan.Zero)
        {
        }

        public AdcAction(int pin, int fromMillivolts, int toMillivolts, TimeSpan duration)
        {
            _pin = pin;
            _fromMillivolts = fromMillivolts;
            _toMillivolts = toMillivolts;
            _duration = duration;
        }

        public override TimeSpan Duration => _duration;

        public override void Apply(VirtualBoard board, TimeSpan elapsed) => board.SetAnalogMillivolts(_pin, MillivoltsAt(elapsed));

        /// <summary>The voltage <paramref name="elapsed"/> into the action.</summary>
        /// <param name="elapsed">Time since the action began.</param>
        /// <returns>Millivolts.</returns>
        public int MillivoltsAt(TimeSpan elapsed)
        {
            if (_duration <= TimeSpan.Zero || elapsed >= _duration)
            {
                return _toMillivolts;
            }

            double fraction = Math.Max(0, elapsed / _duration);
            return (int)Math.Round(_fromMillivolts + ((_toMillivolts - _fromMillivolts) * fraction));
        }

        public override string ToString() => _duration <= TimeSpan.Zero
            ? "adc " + _pin + " " + _toMillivolts + "mV"
            : "adc " + _pin + " ramp " + _fromMillivolts + ".." + _toMillivolts + "mV over " + SimulationValues.FormatTime(_duration);
    }
}
