namespace NanoTlv.Firmware.Events
{
    /// <summary>
    /// Where a connection slot's PinChanged events go (implemented by the session's output, so events never
    /// depend on sessions).
    /// </summary>
    internal interface IPinEventSink
    {
        /// <summary>Counts connections served by the slot; an event carries the value of its subscription's connection.</summary>
        int Generation { get; }

        /// <summary>Sends a PinChanged event now, from a driver thread, if the slot still serves connection
        /// <paramref name="generation"/>. Never throws: a failed send closes the connection.</summary>
        /// <param name="generation">The <see cref="Generation"/> the subscription belongs to.</param>
        /// <param name="pin">The pin.</param>
        /// <param name="high">Its new level.</param>
        /// <param name="timestampMs">Board uptime of the change (wraps at 2^32).</param>
        void SendPinChanged(int generation, int pin, bool high, uint timestampMs);
    }
}
