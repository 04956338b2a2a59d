namespace NanoTlv.Bridge
{
    /// <summary>A board as the bridge sees it now.</summary>
    /// <param name="Endpoint">"host:port".</param>
    /// <param name="BoardId">Its id in topics, or null before the first HELLO.</param>
    /// <param name="Online">True while connected and configured.</param>
    /// <param name="LastError">Why it is not online, when it is not.</param>
    public sealed record BridgeBoardStatus(string Endpoint, string? BoardId, bool Online, string? LastError);
}
