namespace NanoTlv.Firmware.Diagnostics
{
    /// <summary>How many connections are served and may be (INFO's clients and max_clients).</summary>
    internal interface IConnectionCount
    {
        /// <summary>Connections served now.</summary>
        int ActiveCount { get; }

        /// <summary>The connection limit.</summary>
        int Capacity { get; }
    }
}
