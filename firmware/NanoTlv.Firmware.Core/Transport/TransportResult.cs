namespace NanoTlv.Firmware.Transport
{
    /// <summary>Special return values of <see cref="ITransport.Receive"/>.</summary>
    public static class TransportResult
    {
        /// <summary>The peer closed the connection.</summary>
        public const int Closed = 0;

        /// <summary>Nothing arrived within the timeout.</summary>
        public const int TimedOut = -1;
    }
}
