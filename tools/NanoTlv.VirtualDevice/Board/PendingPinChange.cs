namespace NanoTlv.VirtualDevice
{
    /// <summary>A change waiting on the event thread for delivery.</summary>
    /// <param name="Subscription">Whose listener hears it (dropped if the pin was unsubscribed meanwhile).</param>
    /// <param name="High">The new level.</param>
    /// <param name="TimestampMs">Uptime when the line settled at that level.</param>
    internal readonly record struct PendingPinChange(PinChangeSubscription Subscription, bool High, long TimestampMs);
}
