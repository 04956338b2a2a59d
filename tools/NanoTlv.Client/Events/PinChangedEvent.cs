namespace NanoTlv.Client
{
    /// <summary>A subscribed input changed level (PIN_CHANGED event).</summary>
    /// <param name="Pin">GPIO number.</param>
    /// <param name="High">The new level.</param>
    /// <param name="DeviceTimestampMs">Device uptime in milliseconds when the change was seen.</param>
    public sealed record PinChangedEvent(int Pin, bool High, uint DeviceTimestampMs) : DeviceEvent;
}
