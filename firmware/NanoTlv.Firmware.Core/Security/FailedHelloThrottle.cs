namespace NanoTlv.Firmware.Security
{
    /// <summary>
    /// Slows down token guessing. Per connection, the reply to each wrong token is held back by a penalty that
    /// doubles per failure (first delay, 2x, 4x, 8x, then 16x at most) and the connection is closed at a limit.
    /// Device-wide, recent failures are remembered in a leaky counter (one forgotten per
    /// <see cref="ForgetOneFailureMs"/>): they raise every connection's penalty, so reconnecting does not reset
    /// it, and at a limit the device cools down: a connection's first token is still checked (so the owner gets
    /// in), but a wrong one is held back by <see cref="CoolDownPenaltyMs"/>, and later tokens of a connection that
    /// guessed wrong are answered Busy unchecked. Also keeps the total since start-up
    /// (INFO, the log). The token itself never passes through here. Thread-safe, no allocation.
    /// </summary>
    internal sealed class FailedHelloThrottle
    {
        /// <summary>One remembered failure is forgotten per this many milliseconds.</summary>
        public const int ForgetOneFailureMs = 2000;

        /// <summary>The penalty doubles at most this many times: 16x the first delay.</summary>
        public const int MaxPenaltyDoublings = 4;

        private readonly object _sync = new object();
        private readonly int _firstDelayMs;
        private readonly int _maxPerConnection;
        private readonly int _maxRecent;
        private int _recent;
        private long _lastForgetMs;
        private long _total;

        /// <summary>Creates the throttle from validated settings.</summary>
        /// <param name="firstDelayMs">Penalty of a first failure; 0 for none.</param>
        /// <param name="maxPerConnection">Failures that close a connection; 0 for never.</param>
        /// <param name="maxRecent">Recent failures device-wide that start a cool-down; 0 for never.</param>
        /// <param name="connectionSlots">Connections the device serves at once (sizes the cool-down penalty).</param>
        public FailedHelloThrottle(int firstDelayMs, int maxPerConnection, int maxRecent, int connectionSlots)
        {
            _firstDelayMs = firstDelayMs;
            _maxPerConnection = maxPerConnection;
            _maxRecent = maxRecent;
            CoolDownPenaltyMs = firstDelayMs == 0 ? 0 : ForgetOneFailureMs * connectionSlots;
        }

        /// <summary>
        /// How long a wrong token checked during a cool-down holds its connection (and slot) before the refusal:
        /// <see cref="ForgetOneFailureMs"/> per slot, so even with every slot guessing the device checks no more
        /// than one token per <see cref="ForgetOneFailureMs"/> while cooling down, as fast as it forgets one.
        /// 0 when penalties are off.
        /// </summary>
        public int CoolDownPenaltyMs { get; }

        /// <summary>Wrong tokens since start-up, over every connection.</summary>
        public long TotalFailures
        {
            get
            {
                lock (_sync)
                {
                    return _total;
                }
            }
        }

        /// <summary>Wrong tokens the device still remembers at <paramref name="nowMs"/>.</summary>
        /// <param name="nowMs">Board uptime.</param>
        /// <returns>The count.</returns>
        public int RecentFailures(long nowMs)
        {
            lock (_sync)
            {
                Forget(nowMs);
                return _recent;
            }
        }

        /// <summary>True while too many recent failures restrict checking tokens to a connection's first one.</summary>
        /// <param name="nowMs">Board uptime.</param>
        /// <returns>Whether the device is cooling down now.</returns>
        public bool IsCoolingDown(long nowMs) => _maxRecent > 0 && RecentFailures(nowMs) >= _maxRecent;

        /// <summary>True when <paramref name="connectionFailures"/> wrong tokens end the connection.</summary>
        /// <param name="connectionFailures">Wrong tokens on the connection so far, the latest included.</param>
        /// <returns>Whether to close it.</returns>
        public bool ClosesConnection(int connectionFailures) => _maxPerConnection > 0 && connectionFailures >= _maxPerConnection;

        /// <summary>Counts a wrong token and tells how long its reply is held back.</summary>
        /// <param name="nowMs">Board uptime.</param>
        /// <param name="connectionFailures">Wrong tokens on the connection so far, this one included.</param>
        /// <returns>The penalty in milliseconds.</returns>
        public int RecordFailure(long nowMs, int connectionFailures)
        {
            int recent;
            lock (_sync)
            {
                Forget(nowMs);
                if (_recent == 0)
                {
                    _lastForgetMs = nowMs;
                }

                _recent++;
                _total++;
                recent = _recent;
            }

            return PenaltyMs(connectionFailures > recent ? connectionFailures : recent);
        }

        /// <summary>The penalty of the <paramref name="failures"/>-th failure: first delay doubled per failure, capped.</summary>
        /// <param name="failures">1 or more.</param>
        /// <returns>Milliseconds.</returns>
        public int PenaltyMs(int failures)
        {
            int doublings = failures - 1;
            if (doublings < 0)
            {
                doublings = 0;
            }

            if (doublings > MaxPenaltyDoublings)
            {
                doublings = MaxPenaltyDoublings;
            }

            return _firstDelayMs << doublings;
        }

        private void Forget(long nowMs)
        {
            long forgotten = (nowMs - _lastForgetMs) / ForgetOneFailureMs;
            if (forgotten <= 0)
            {
                return;
            }

            _recent = forgotten >= _recent ? 0 : _recent - (int)forgotten;
            _lastForgetMs += forgotten * ForgetOneFailureMs;
        }
    }
}
