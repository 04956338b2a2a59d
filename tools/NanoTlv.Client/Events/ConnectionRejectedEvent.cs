namespace NanoTlv.Client
{
    /// <summary>The device refused this connection because all its slots are used, and closes it.</summary>
    /// <param name="MaxClients">How many connections the device accepts at once.</param>
    public sealed record ConnectionRejectedEvent(int MaxClients) : DeviceEvent;
}
