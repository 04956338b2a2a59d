using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    internal sealed partial class PinService
    {
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
    }
}
