using System;

namespace NanoTlv.Client
{
    /// <summary>The device's status and counters (INFO).</summary>
    /// <param name="UptimeMs">Milliseconds since the device started.</param>
    /// <param name="FreeMemoryBytes">Free managed heap.</param>
    /// <param name="TotalMemoryBytes">Total managed heap.</param>
    /// <param name="FramesReceived">Frames the device decoded, all connections.</param>
    /// <param name="BytesReceived">Bytes the device received.</param>
    /// <param name="FramesSent">Frames the device sent.</param>
    /// <param name="Resyncs">Resync episodes (garbage skipped to the next marker).</param>
    /// <param name="SkippedBytes">Bytes skipped while resynchronising.</param>
    /// <param name="OversizedFrames">Frames discarded for announcing a payload above the maximum.</param>
    /// <param name="ErrorReplies">Replies with a status other than Ok.</param>
    /// <param name="Clients">Connections open now.</param>
    /// <param name="MaxClients">Connections the device accepts at once.</param>
    /// <param name="FailedAuthentications">HELLOs with a wrong token since the device started.</param>
    /// <param name="RejectedConnections">Connections turned away because every slot was busy.</param>
    public sealed record DeviceInfo(
        uint UptimeMs,
        uint FreeMemoryBytes,
        uint TotalMemoryBytes,
        uint FramesReceived,
        uint BytesReceived,
        uint FramesSent,
        uint Resyncs,
        uint SkippedBytes,
        uint OversizedFrames,
        uint ErrorReplies,
        int Clients,
        int MaxClients,
        uint FailedAuthentications,
        uint RejectedConnections)
    {
        /// <summary>The uptime as a time span.</summary>
        public TimeSpan Uptime => TimeSpan.FromMilliseconds(UptimeMs);
    }
}
