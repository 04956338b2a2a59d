namespace NanoTlv.Firmware.Session
{
    /// <summary>
    /// The clocks of a connection, in board uptime milliseconds: a frame once started must complete within the
    /// receive timeout, some request must arrive within the idle timeout (0 = never), and, when a token is
    /// configured, the connection must authenticate within the authentication timeout. Tells the receive loop
    /// how long it may wait and whether a deadline has passed. Pure arithmetic, no I/O.
    /// </summary>
    internal sealed class ConnectionDeadlines
    {
        /// <summary>The longest single wait, so a stop request is seen within it even without traffic.</summary>
        public const int MaxWaitMs = 1000;

        private readonly int _receiveTimeoutMs;
        private readonly int _idleTimeoutMs;
        private readonly int _authenticationTimeoutMs;
        private long _lastRequestMs;
        private long _frameStartedMs;
        private long _connectedMs;
        private bool _frameInProgress;
        private bool _awaitingAuthentication;

        /// <summary>Creates the deadlines.</summary>
        /// <param name="receiveTimeoutMs">Time a started frame has to complete (above 0).</param>
        /// <param name="idleTimeoutMs">Time without a request before the connection is closed; 0 for never.</param>
        /// <param name="authenticationTimeoutMs">Time a connection has to authenticate, when it must; above 0.</param>
        public ConnectionDeadlines(int receiveTimeoutMs, int idleTimeoutMs, int authenticationTimeoutMs)
        {
            _receiveTimeoutMs = receiveTimeoutMs;
            _idleTimeoutMs = idleTimeoutMs;
            _authenticationTimeoutMs = authenticationTimeoutMs;
        }

        /// <summary>A connection starts: idle clock from now, no frame in progress.</summary>
        /// <param name="nowMs">Board uptime.</param>
        /// <param name="mustAuthenticate">True when a token is configured: the authentication clock runs too.</param>
        public void Start(long nowMs, bool mustAuthenticate)
        {
            _lastRequestMs = nowMs;
            _connectedMs = nowMs;
            _frameInProgress = false;
            _awaitingAuthentication = mustAuthenticate;
        }

        /// <summary>The connection authenticated: its authentication clock stops for good.</summary>
        public void OnAuthenticated() => _awaitingAuthentication = false;

        /// <summary>A request arrived.</summary>
        /// <param name="nowMs">Board uptime.</param>
        public void OnRequest(long nowMs) => _lastRequestMs = nowMs;

        /// <summary>A received chunk was fully processed.</summary>
        /// <param name="nowMs">Board uptime.</param>
        /// <param name="frameInProgress">The stream stops inside a frame.</param>
        /// <param name="passedBoundary">The chunk completed or skipped something, so a frame in progress began in it.</param>
        public void OnChunk(long nowMs, bool frameInProgress, bool passedBoundary)
        {
            if (frameInProgress && (!_frameInProgress || passedBoundary))
            {
                _frameStartedMs = nowMs;
            }

            _frameInProgress = frameInProgress;
        }

        /// <summary>Which deadline has passed, if any.</summary>
        /// <param name="nowMs">Board uptime.</param>
        /// <param name="reason">The timeout that expired.</param>
        /// <returns>True when the connection must end.</returns>
        public bool HasExpired(long nowMs, out SessionEndReason reason)
        {
            reason = SessionEndReason.PeerClosed;
            if (_frameInProgress && nowMs - _frameStartedMs >= _receiveTimeoutMs)
            {
                reason = SessionEndReason.ReceiveTimeout;
                return true;
            }

            if (_idleTimeoutMs > 0 && nowMs - _lastRequestMs >= _idleTimeoutMs)
            {
                reason = SessionEndReason.IdleTimeout;
                return true;
            }

            if (_awaitingAuthentication && nowMs - _connectedMs >= _authenticationTimeoutMs)
            {
                reason = SessionEndReason.AuthenticationTimeout;
                return true;
            }

            return false;
        }

        /// <summary>How long the next receive may wait: until the nearest deadline, at most <see cref="MaxWaitMs"/>, at least 1.</summary>
        /// <param name="nowMs">Board uptime.</param>
        /// <returns>Milliseconds.</returns>
        public int WaitMs(long nowMs)
        {
            long wait = MaxWaitMs;
            if (_frameInProgress)
            {
                wait = Min(wait, _frameStartedMs + _receiveTimeoutMs - nowMs);
            }

            if (_idleTimeoutMs > 0)
            {
                wait = Min(wait, _lastRequestMs + _idleTimeoutMs - nowMs);
            }

            if (_awaitingAuthentication)
            {
                wait = Min(wait, _connectedMs + _authenticationTimeoutMs - nowMs);
            }

            return wait < 1 ? 1 : (int)wait;
        }

        private static long Min(long a, long b) => a < b ? a : b;
    }
}
