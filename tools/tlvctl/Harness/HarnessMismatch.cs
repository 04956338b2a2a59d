namespace NanoTlv.Cli.Harness
{
    /// <summary>The first thing in a strategy's run that was not what the device must send.</summary>
    /// <param name="Strategy">The strategy's name.</param>
    /// <param name="RequestId">The PING request id expected (for injected faults, the PING before them).</param>
    /// <param name="Expected">What had to come.</param>
    /// <param name="Actual">What came (or "nothing within N ms").</param>
    public sealed record HarnessMismatch(string Strategy, int RequestId, string Expected, string Actual)
    {
        /// <summary>One line for the console.</summary>
        /// <returns>The description.</returns>
        public override string ToString() =>
            "strategy " + Strategy + ", request id " + RequestId + ": expected " + Expected + ", got " + Actual;
    }
}
