namespace NanoTlv.Client
{
    /// <summary>A new connection replaced the lost one; HELLO, subscriptions and failsafe levels were sent again.</summary>
    /// <param name="Attempts">Connection attempts it took.</param>
    public sealed record ReconnectedEvent(int Attempts) : DeviceEvent;
}
