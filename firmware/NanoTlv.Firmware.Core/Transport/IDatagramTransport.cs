namespace NanoTlv.Firmware.Transport
{
    /// <summary>
    /// A datagram socket as the discovery responder sees it: receive one datagram and remember its sender, answer
    /// that sender, or send to the broadcast address the transport was set up with. The same responder code runs
    /// over a UDP socket on the device and on the host, and over an in-memory fake in tests.
    /// </summary>
    public interface IDatagramTransport
    {
        /// <summary>Receives one datagram, waiting at most <paramref name="timeoutMs"/>; its sender becomes the
        /// target of <see cref="ReplyToSender"/>.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Room in the buffer. A longer datagram is cut to <paramref name="count"/> bytes, so a
        /// caller gives one byte more room than the longest datagram it accepts and recognises an oversize one.</param>
        /// <param name="timeoutMs">Longest wait in milliseconds.</param>
        /// <returns>Bytes of the datagram (0 for an empty one); <see cref="TransportResult.TimedOut"/> when none came.</returns>
        /// <exception cref="System.Exception">The socket failed.</exception>
        int Receive(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Sends one datagram to the sender of the last datagram received.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to send.</param>
        /// <exception cref="System.InvalidOperationException">Nothing was received yet.</exception>
        /// <exception cref="System.Exception">The socket failed.</exception>
        void ReplyToSender(byte[] buffer, int offset, int count);

        /// <summary>Sends one datagram to the broadcast address (the subnet's on the device).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to send.</param>
        /// <exception cref="System.Exception">The socket failed.</exception>
        void Broadcast(byte[] buffer, int offset, int count);

        /// <summary>Closes the socket; a blocked <see cref="Receive"/> ends. Safe to call more than once.</summary>
        void Close();
    }
}
