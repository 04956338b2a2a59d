namespace NanoTlv.Firmware.Security
{
    /// <summary>
    /// One connection's authentication, owned by its session: whether it presented the token, how many wrong
    /// tokens it presented, the penalty to wait before going on and whether it must be closed. HELLO changes it
    /// through <see cref="RecordHello"/> and <see cref="RecordWrongToken"/>; the dispatcher and the session read it.
    /// </summary>
    internal sealed class ConnectionAuthentication
    {
        private readonly FailedHelloThrottle _throttle;
        private int _penaltyMs;

        /// <summary>Creates the state of one connection slot.</summary>
        /// <param name="throttle">The device-wide wrong-token throttle.</param>
        public ConnectionAuthentication(FailedHelloThrottle throttle)
        {
            _throttle = throttle;
        }

        /// <summary>True once HELLO presented the configured token (or from the start when none is configured).</summary>
        public bool IsAuthenticated { get; private set; }

        /// <summary>Wrong tokens this connection presented.</summary>
        public int WrongTokens { get; private set; }

        /// <summary>True when the connection must end once the current chunk's replies are sent (too many wrong tokens).</summary>
        public bool MustClose { get; private set; }

        /// <summary>A new connection: back to the start.</summary>
        /// <param name="open">True when no token is configured: the connection is authenticated from the start.</param>
        public void Start(bool open)
        {
            IsAuthenticated = open;
            WrongTokens = 0;
            MustClose = false;
            _penaltyMs = 0;
        }

        /// <summary>A HELLO that was checked: the connection is authenticated exactly when its token matched.</summary>
        /// <param name="matches">Whether the token matched (or none is configured).</param>
        public void RecordHello(bool matches) => IsAuthenticated = matches;

        /// <summary>A HELLO with a wrong token: counted here and device-wide; sets the penalty and, at the limit,
        /// <see cref="MustClose"/>. During a cool-down the penalty is at least the throttle's cool-down penalty, so
        /// guessing stays as slow as the device forgets failures.</summary>
        /// <param name="nowMs">Board uptime.</param>
        /// <param name="coolingDown">True when the device was cooling down when the token was checked.</param>
        public void RecordWrongToken(long nowMs, bool coolingDown)
        {
            IsAuthenticated = false;
            WrongTokens++;
            int penaltyMs = _throttle.RecordFailure(nowMs, WrongTokens);
            _penaltyMs = coolingDown && _throttle.CoolDownPenaltyMs > penaltyMs ? _throttle.CoolDownPenaltyMs : penaltyMs;
            MustClose = _throttle.ClosesConnection(WrongTokens);
        }

        /// <summary>Returns the pending penalty and clears it.</summary>
        /// <returns>Milliseconds to wait, 0 for none.</returns>
        public int TakePenaltyMs()
        {
            int penalty = _penaltyMs;
            _penaltyMs = 0;
            return penalty;
        }
    }
}
