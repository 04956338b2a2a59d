namespace NanoTlv.Client
{
    /// <summary>
    /// The device sent something the protocol does not allow: bytes that are not a frame, a payload shorter
    /// than a reply header, a reply to no request in flight, replies out of order, an unknown event.
    /// The client carries on; the event says what was seen.
    /// </summary>
    /// <param name="Description">What was wrong.</param>
    public sealed record ProtocolViolationEvent(string Description) : DeviceEvent;
}
