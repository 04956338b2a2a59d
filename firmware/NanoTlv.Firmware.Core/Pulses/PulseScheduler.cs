using System;
using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.Firmware.Pulses
{
    /// <summary>
    /// Ends PULSEs: restores each pulsing pin's previous level when its time is up, without blocking the
    /// session that asked. One <see cref="Timer"/> (created at start-up) is armed for the earliest deadline;
    /// per-pin deadlines live in preallocated arrays, so a pulse allocates nothing. State is guarded by the
    /// pin lock it is given; <see cref="Start"/> and <see cref="Cancel"/> are called with it held, and the
    /// <see cref="IPulseEnd"/> restoring a level is called with it held.
    /// </summary>
    internal sealed class PulseScheduler
    {
        private const int Disarmed = -1;
        private const long NoDeadline = long.MaxValue;

        private readonly object _pinLock;
        private readonly IPulseEnd _end;
        private readonly ISystemMonitor _clock;
        private readonly ILog _log;
        private readonly bool[] _active;
        private readonly long[] _dueMs;
        private readonly bool[] _restoreHigh;
        private readonly Timer _timer;
        private long _armedDueMs = NoDeadline;
        private bool _stopped;

        /// <summary>Creates the scheduler and its (disarmed) timer.</summary>
        /// <param name="pinCount">One more than the highest pin number.</param>
        /// <param name="pinLock">The pin lock guarding this scheduler's state.</param>
        /// <param name="end">Restores a level when a pulse ends.</param>
        /// <param name="clock">Board uptime, the time base of deadlines.</param>
        /// <param name="log">Where restore failures are reported.</param>
        public PulseScheduler(int pinCount, object pinLock, IPulseEnd end, ISystemMonitor clock, ILog log)
        {
            _pinLock = pinLock;
            _end = end;
            _clock = clock;
            _log = log;
            _active = new bool[pinCount];
            _dueMs = new long[pinCount];
            _restoreHigh = new bool[pinCount];
            _timer = new Timer(OnTimer, null, Disarmed, Disarmed);
        }

        /// <summary>True while <paramref name="pin"/> is pulsing. Call with the pin lock held.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <returns>Whether a pulse is running.</returns>
        public bool IsPulsing(int pin) => _active[pin];

        /// <summary>Schedules the end of a pulse the caller has just begun. Call with the pin lock held.</summary>
        /// <param name="pin">The pulsing pin.</param>
        /// <param name="durationMs">Milliseconds until the restore.</param>
        /// <param name="restoreHigh">The level to restore.</param>
        /// <returns>False when the scheduler has been stopped (the device is shutting down).</returns>
        public bool Start(int pin, int durationMs, bool restoreHigh)
        {
            if (_stopped)
            {
                return false;
            }

            long now = _clock.UptimeMs;
            _active[pin] = true;
            _dueMs[pin] = now + durationMs;
            _restoreHigh[pin] = restoreHigh;
            if (_dueMs[pin] < _armedDueMs)
            {
                Arm(_dueMs[pin], now);
            }

            return true;
        }

        /// <summary>Forgets a pin's pulse without restoring its level. Call with the pin lock held.</summary>
        /// <param name="pin">A valid pin.</param>
        public void Cancel(int pin) => _active[pin] = false;

        /// <summary>Cancels every pulse and releases the timer.</summary>
        public void Stop()
        {
            lock (_pinLock)
            {
                if (_stopped)
                {
                    return;
                }

                _stopped = true;
                for (int pin = 0; pin < _active.Length; pin++)
                {
                    _active[pin] = false;
                }

                _timer.Dispose();
            }
        }

        private void OnTimer(object? state)
        {
            lock (_pinLock)
            {
                if (_stopped)
                {
                    return;
                }

                long now = _clock.UptimeMs;
                long next = NoDeadline;
                for (int pin = 0; pin < _active.Length; pin++)
                {
                    if (!_active[pin])
                    {
                        continue;
                    }

                    if (_dueMs[pin] <= now)
                    {
                        _active[pin] = false;
                        Restore(pin);
                    }
                    else if (_dueMs[pin] < next)
                    {
                        next = _dueMs[pin];
                    }
                }

                _armedDueMs = NoDeadline;
                if (next != NoDeadline)
                {
                    Arm(next, now);
                }
            }
        }

        private void Restore(int pin)
        {
            try
            {
                _end.EndPulse(pin, _restoreHigh[pin]);
            }
            catch (Exception e)
            {
                _log.Error("pulse: restoring GPIO " + pin + " failed: " + e.Message);
            }
        }

        private void Arm(long dueMs, long now)
        {
            _armedDueMs = dueMs;
            long delay = dueMs - now;
            _timer.Change(delay < 0 ? 0 : (int)delay, Disarmed);
        }
    }
}
