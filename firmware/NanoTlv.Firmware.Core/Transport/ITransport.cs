namespace NanoTlv.Firmware.Transport
{
    /// <summary>
    /// One connection's byte stream, as a session sees it: the same session code serves a socket on
    /// the device, a socket on the host and an in-memory pipe in tests.
    /// </summary>
    public interface ITransport
    {
        /// <summary>Receives what has arrived, waiting at most <paramref name="timeoutMs"/>.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Room in the buffer.</param>
        /// <param name="timeoutMs">Longest wait in milliseconds.</param>
        /// <returns>Bytes received (at least 1); 0 when the peer closed the connection;
        /// <see cref="TransportResult.TimedOut"/> when nothing came in time.</returns>
        /// <exception cref="System.Exception">The connection failed; the session ends it.</exception>
        int Receive(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Sends all <paramref name="count"/> bytes (blocking until the stack took them).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to send.</param>
        void Send(byte[] buffer, int offset, int count);

        /// <summary>Closes the connection in order: what was sent reaches the peer before the close (a socket
        /// transport discards unread input first, so the stack does not reset the connection). Safe to call more
        /// than once, and from another thread than the session's.</summary>
        void Close();
    }
}
