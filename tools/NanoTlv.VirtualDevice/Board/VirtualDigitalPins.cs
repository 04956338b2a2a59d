using System;
using System.Collections.Concurrent;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// In-memory GPIO driver. Tests drive input lines with <see cref="DriveInput"/>; listeners hear
    /// changes on the driver's own event thread (never on the caller's), after the level stayed stable for
    /// the debounce time. The driver checks what the core promises to have checked (pin exists, not reserved,
    /// mode supported, pin opened, output mode for writes) and throws on a violation, so core bugs surface.
    /// Thread-safe.
    /// </summary>
    public sealed class VirtualDigitalPins : IDigitalPins, IDisposable
    {
        private const int EventThreadJoinMs = 2000;

        private readonly BoardDescription _description;
        private readonly ISystemMonitor _clock;
        private readonly VirtualPin?[] _pins;
        private readonly Lock _sync = new();
        private readonly BlockingCollection<PendingPinChange> _pending = new();
        private readonly Thread _eventThread;
        private Exception? _listenerFault;
        private bool _disposed;

        /// <summary>Creates the driver and starts its event thread.</summary>
        /// <param name="description">The board, for pins and capabilities.</param>
        /// <param name="clock">Uptime source for event timestamps and debouncing.</param>
        public VirtualDigitalPins(BoardDescription description, ISystemMonitor clock)
        {
            ArgumentNullException.ThrowIfNull(description);
            ArgumentNullException.ThrowIfNull(clock);
            _description = description;
            _clock = clock;
            _pins = new VirtualPin?[description.PinCount];
            for (int pin = 0; pin < _pins.Length; pin++)
            {
                _pins[pin] = description.GetPin(pin) == null ? null : new VirtualPin(pin);
            }

            _eventThread = new Thread(DeliverEvents) { IsBackground = true, Name = "VirtualDigitalPins events" };
            _eventThread.Start();
        }

        /// <summary>The first exception a listener threw (the event thread carries on); null when none did.</summary>
        public Exception? ListenerFault => Volatile.Read(ref _listenerFault);

        /// <summary>The managed thread id of the event thread (listeners are called on it).</summary>
        public int EventThreadId => _eventThread.ManagedThreadId;

        /// <inheritdoc />
        /// <exception cref="ArgumentException">The pin is missing or reserved, or cannot take the mode.</exception>
        public void SetMode(int pin, GpioMode mode)
        {
            if (!Enum.IsDefined(mode))
            {
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown pin mode.");
            }

            // The firmware's own rule, so the two can never disagree.
            PinCapabilities needed = GpioModeRequirements.For(mode);
            PinDescription described = RequireUsable(pin);
            if (!described.Has(needed))
            {
                throw new ArgumentException("GPIO " + pin + " cannot be " + mode + " (capabilities " + described.Capabilities + ").", nameof(mode));
            }

            lock (_sync)
            {
                VirtualPin state = _pins[pin]!;
                bool before = state.Level;
                state.IsOpen = true;
                state.Mode = mode;
                LevelMayHaveChanged(state, before);
            }
        }

        /// <inheritdoc />
        /// <exception cref="InvalidOperationException">The pin is not open in an output mode.</exception>
        public void Write(int pin, bool high)
        {
            RequireUsable(pin);
            lock (_sync)
            {
                VirtualPin state = RequireOpen(pin);
                if (state.Mode != GpioMode.Output && state.Mode != GpioMode.OutputOpenDrain)
                {
                    throw new InvalidOperationException("Cannot write GPIO " + pin + ": it is in mode " + state.Mode + ", not an output.");
                }

                bool before = state.Level;
                state.OutputLatch = high;
                LevelMayHaveChanged(state, before);
            }
        }

        /// <inheritdoc />
        /// <exception cref="InvalidOperationException">The pin is not open.</exception>
        public bool Read(int pin)
        {
            RequireUsable(pin);
            lock (_sync)
            {
                return RequireOpen(pin).Level;
            }
        }

        /// <inheritdoc />
        /// <exception cref="InvalidOperationException">The pin is not open.</exception>
        public void StartChangeEvents(int pin, int debounceMs, IPinChangeListener listener)
        {
            RequireUsable(pin);
            ArgumentOutOfRangeException.ThrowIfNegative(debounceMs);
            ArgumentNullException.ThrowIfNull(listener);
            lock (_sync)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                VirtualPin state = RequireOpen(pin);
                StopLocked(state);
                var subscription = new PinChangeSubscription(state, debounceMs, listener, state.Level);
                if (debounceMs > 0)
                {
                    subscription.DebounceTimer = new Timer(OnDebounceTimer, subscription, Timeout.Infinite, Timeout.Infinite);
                }

                state.Subscription = subscription;
            }
        }

        /// <inheritdoc />
        public void StopChangeEvents(int pin)
        {
            RequireExisting(pin);
            lock (_sync)
            {
                StopLocked(_pins[pin]!);
            }
        }

        /// <summary>Drives the line from outside (test hook): inputs read this level; an open-drain output
        /// released high reads it; a push-pull output ignores it.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="high">The driven level.</param>
        public void DriveInput(int pin, bool high) => SetExternal(pin, high);

        /// <summary>Stops driving the line (test hook): it falls back to its pull, or low when floating.</summary>
        /// <param name="pin">GPIO number.</param>
        public void ReleaseInput(int pin) => SetExternal(pin, null);

        /// <summary>The line level now (test hook; works on pins not opened).</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>True when high.</returns>
        public bool IsHigh(int pin)
        {
            RequireExisting(pin);
            lock (_sync)
            {
                return _pins[pin]!.Level;
            }
        }

        /// <summary>The pin's mode, or null when it was never opened (test hook).</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>The mode or null.</returns>
        public GpioMode? GetMode(int pin)
        {
            RequireExisting(pin);
            lock (_sync)
            {
                VirtualPin state = _pins[pin]!;
                return state.IsOpen ? state.Mode : null;
            }
        }

        /// <summary>True while a listener is registered on the pin (test hook).</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>Whether changes are reported.</returns>
        public bool IsReportingChanges(int pin)
        {
            RequireExisting(pin);
            lock (_sync)
            {
                return _pins[pin]!.Subscription != null;
            }
        }

        /// <summary>Stops every subscription and the event thread.</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                foreach (VirtualPin? state in _pins)
                {
                    if (state != null)
                    {
                        StopLocked(state);
                    }
                }

                _pending.CompleteAdding();
            }

            if (Thread.CurrentThread != _eventThread)
            {
                _eventThread.Join(EventThreadJoinMs);
            }

            _pending.Dispose();
        }

        private static void StopLocked(VirtualPin state)
        {
            PinChangeSubscription? subscription = state.Subscription;
            if (subscription != null)
            {
                subscription.DebounceTimer?.Dispose();
                state.Subscription = null;
            }
        }

        private void SetExternal(int pin, bool? level)
        {
            RequireExisting(pin);
            lock (_sync)
            {
                VirtualPin state = _pins[pin]!;
                bool before = state.Level;
                state.ExternalLevel = level;
                LevelMayHaveChanged(state, before);
            }
        }

        private void LevelMayHaveChanged(VirtualPin state, bool before)
        {
            bool level = state.Level;
            PinChangeSubscription? subscription = state.Subscription;
            if (level == before || subscription == null)
            {
                return;
            }

            long now = _clock.UptimeMs;
            subscription.LastChangeMs = now;
            if (subscription.DebounceTimer == null)
            {
                Report(subscription, level, now);
            }
            else
            {
                // Every change restarts the stable period; the timer checks the level when it ends.
                subscription.DebounceTimer.Change(subscription.DebounceMs, Timeout.Infinite);
            }
        }

        private void OnDebounceTimer(object? state)
        {
            var subscription = (PinChangeSubscription)state!;
            lock (_sync)
            {
                if (subscription.Pin.Subscription != subscription)
                {
                    return;
                }

                long stableMs = _clock.UptimeMs - subscription.LastChangeMs;
                if (stableMs < subscription.DebounceMs)
                {
                    subscription.DebounceTimer!.Change(subscription.DebounceMs - stableMs, Timeout.Infinite);
                    return;
                }

                bool level = subscription.Pin.Level;
                if (level != subscription.ReportedLevel)
                {
                    Report(subscription, level, subscription.LastChangeMs);
                }
            }
        }

        private void Report(PinChangeSubscription subscription, bool level, long timestampMs)
        {
            subscription.ReportedLevel = level;
            if (!_pending.IsAddingCompleted)
            {
                _pending.Add(new PendingPinChange(subscription, level, timestampMs));
            }
        }

        private void DeliverEvents()
        {
            foreach (PendingPinChange change in _pending.GetConsumingEnumerable())
            {
                PinChangeSubscription subscription = change.Subscription;
                lock (_sync)
                {
                    if (subscription.Pin.Subscription != subscription)
                    {
                        continue;
                    }
                }

                try
                {
                    subscription.Listener.OnPinChanged(subscription.Pin.Number, change.High, change.TimestampMs);
                }
#pragma warning disable CA1031 // A listener's failure must not stop the event thread; it is kept for tests to see.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    Interlocked.CompareExchange(ref _listenerFault, exception, null);
                }
            }
        }

        private VirtualPin RequireOpen(int pin)
        {
            VirtualPin state = _pins[pin]!;
            if (!state.IsOpen)
            {
                throw new InvalidOperationException("GPIO " + pin + " is not open; set its mode first.");
            }

            return state;
        }

        private PinDescription RequireUsable(int pin)
        {
            PinDescription described = RequireExisting(pin);
            if (described.IsReserved)
            {
                throw new ArgumentException("GPIO " + pin + " is reserved on " + _description.Name + ".", nameof(pin));
            }

            return described;
        }

        private PinDescription RequireExisting(int pin) =>
            _description.GetPin(pin) ?? throw new ArgumentOutOfRangeException(nameof(pin), pin, "Not a pin of " + _description.Name + ".");
    }
}
