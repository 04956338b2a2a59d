using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Events
{
    /// <summary>
    /// Subscriptions of connections to input changes, and their delivery. The GPIO driver reports every
    /// change of a subscribed pin here (<see cref="OnPinChanged"/>, on its own thread); each subscribing
    /// connection whose edges match gets a PinChanged event, sent at once under that connection's send lock.
    /// </summary>
    /// <remarks>
    /// Tables are preallocated: an edges byte per (pin, slot), a subscriber count and a debounce per pin.
    /// The driver debounces per pin, so when connections ask for different debounce times on one pin the
    /// latest SUBSCRIBE wins. Subscribe, unsubscribe and drop are called with the pin lock held; delivery
    /// never takes it (a slow client can delay other events, never commands).
    /// </remarks>
    internal sealed class PinEventRouter : IPinChangeListener
    {
        private readonly object _tableSync = new object();
        private readonly object _deliverySync = new object();
        private readonly IDigitalPins _digital;
        private readonly IPinEventSink[] _outputs;
        private readonly int _slotCount;
        private readonly int _pinCount;
        private readonly byte[] _edges;
        private readonly int[] _subscribers;
        private readonly int[] _debounceMs;
        private readonly int[] _targetSlots;
        private readonly int[] _targetGenerations;

        /// <summary>Creates the router.</summary>
        /// <param name="pinCount">One more than the highest pin number.</param>
        /// <param name="digital">The GPIO driver reporting changes.</param>
        /// <param name="outputs">Where each connection slot's events go.</param>
        public PinEventRouter(int pinCount, IDigitalPins digital, IPinEventSink[] outputs)
        {
            _digital = digital;
            _outputs = outputs;
            _slotCount = outputs.Length;
            _pinCount = pinCount;
            _edges = new byte[pinCount * _slotCount];
            _subscribers = new int[pinCount];
            _debounceMs = new int[pinCount];
            _targetSlots = new int[_slotCount];
            _targetGenerations = new int[_slotCount];
        }

        /// <summary>Subscribes <paramref name="slot"/> to changes of <paramref name="pin"/> (replacing an earlier
        /// subscription of that slot). Call with the pin lock held, after validation.</summary>
        /// <param name="pin">A pin in an input mode.</param>
        /// <param name="slot">The connection slot.</param>
        /// <param name="edges">Rising, falling or both.</param>
        /// <param name="debounceMs">Debounce time for the driver.</param>
        public void Subscribe(int pin, int slot, PinEdges edges, int debounceMs)
        {
            bool restart;
            lock (_tableSync)
            {
                int index = (pin * _slotCount) + slot;
                if (_edges[index] == (byte)PinEdges.None)
                {
                    _subscribers[pin]++;
                }

                _edges[index] = (byte)edges;
                restart = _subscribers[pin] == 1 || _debounceMs[pin] != debounceMs;
                _debounceMs[pin] = debounceMs;
            }

            if (restart)
            {
                _digital.StopChangeEvents(pin);
                _digital.StartChangeEvents(pin, debounceMs, this);
            }
        }

        /// <summary>Ends <paramref name="slot"/>'s subscription to <paramref name="pin"/>, if any. Call with the pin lock held.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <param name="slot">The connection slot.</param>
        public void Unsubscribe(int pin, int slot)
        {
            bool stop = false;
            lock (_tableSync)
            {
                int index = (pin * _slotCount) + slot;
                if (_edges[index] != (byte)PinEdges.None)
                {
                    _edges[index] = (byte)PinEdges.None;
                    _subscribers[pin]--;
                    stop = _subscribers[pin] == 0;
                }
            }

            if (stop)
            {
                _digital.StopChangeEvents(pin);
            }
        }

        /// <summary>Ends every subscription to <paramref name="pin"/> (it left input mode). Call with the pin lock held.</summary>
        /// <param name="pin">A valid pin.</param>
        public void DropPin(int pin)
        {
            bool stop;
            lock (_tableSync)
            {
                stop = _subscribers[pin] > 0;
                for (int slot = 0; slot < _slotCount; slot++)
                {
                    _edges[(pin * _slotCount) + slot] = (byte)PinEdges.None;
                }

                _subscribers[pin] = 0;
            }

            if (stop)
            {
                _digital.StopChangeEvents(pin);
            }
        }

        /// <summary>Re-registers the driver for a subscribed pin whose input mode changed. Call with the pin lock held.</summary>
        /// <param name="pin">A valid pin.</param>
        public void RestartPin(int pin)
        {
            int debounceMs;
            lock (_tableSync)
            {
                if (_subscribers[pin] == 0)
                {
                    return;
                }

                debounceMs = _debounceMs[pin];
            }

            _digital.StopChangeEvents(pin);
            _digital.StartChangeEvents(pin, debounceMs, this);
        }

        /// <summary>Ends every subscription of a connection slot (its connection closed). Call with the pin lock held.</summary>
        /// <param name="slot">The connection slot.</param>
        public void RemoveSession(int slot)
        {
            for (int pin = 0; pin < _pinCount; pin++)
            {
                Unsubscribe(pin, slot);
            }
        }

        /// <inheritdoc/>
        public void OnPinChanged(int pin, bool high, long timestampMs)
        {
            if (pin < 0 || pin >= _pinCount)
            {
                return;
            }

            PinEdges edge = high ? PinEdges.Rising : PinEdges.Falling;
            uint timestamp = unchecked((uint)timestampMs);
            lock (_deliverySync)
            {
                int targets = 0;
                lock (_tableSync)
                {
                    for (int slot = 0; slot < _slotCount; slot++)
                    {
                        if ((_edges[(pin * _slotCount) + slot] & (byte)edge) != 0)
                        {
                            _targetSlots[targets] = slot;
                            _targetGenerations[targets] = _outputs[slot].Generation;
                            targets++;
                        }
                    }
                }

                for (int i = 0; i < targets; i++)
                {
                    _outputs[_targetSlots[i]].SendPinChanged(_targetGenerations[i], pin, high, timestamp);
                }
            }
        }
    }
}
