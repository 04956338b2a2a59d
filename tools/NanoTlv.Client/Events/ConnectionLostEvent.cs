namespace NanoTlv.Client
{
    /// <summary>The connection closed or failed; requests in flight failed with <see cref="DeviceConnectionException"/>.</summary>
    /// <param name="Reason">What happened.</param>
    /// <param name="WillReconnect">True when automatic reconnection starts now.</param>
    public sealed record ConnectionLostEvent(string Reason, bool WillReconnect) : DeviceEvent;
}
