namespace NanoTlv.Firmware.Diagnostics
{
    /// <summary>
    /// Traffic counters of one connection slot. The receive-side fields are written by the session's
    /// own thread only and <see cref="FramesSent"/> under the session's send lock, so no counter
    /// needs a lock per frame; <see cref="DeviceCounters"/> reads them (an int read is atomic) and
    /// folds them into its totals when the connection ends. Counters wrap like the u32 fields of INFO.
    /// </summary>
    internal sealed class SessionCounters
    {
        /// <summary>Whole frames received (requests, malformed payloads).</summary>
        public int FramesReceived;

        /// <summary>Bytes received.</summary>
        public int BytesReceived;

        /// <summary>Frames sent: replies and events.</summary>
        public int FramesSent;

        /// <summary>Resync episodes (garbage skipped to the next marker).</summary>
        public int Resyncs;

        /// <summary>Bytes skipped while resynchronising.</summary>
        public int SkippedBytes;

        /// <summary>Frames discarded for announcing a payload above the maximum.</summary>
        public int OversizedFrames;

        /// <summary>Replies and events sent with a status other than OK.</summary>
        public int ErrorReplies;

        /// <summary>Adds <paramref name="other"/> to these counters.</summary>
        /// <param name="other">Counters to add.</param>
        public void Add(SessionCounters other)
        {
            FramesReceived += other.FramesReceived;
            BytesReceived += other.BytesReceived;
            FramesSent += other.FramesSent;
            Resyncs += other.Resyncs;
            SkippedBytes += other.SkippedBytes;
            OversizedFrames += other.OversizedFrames;
            ErrorReplies += other.ErrorReplies;
        }

        /// <summary>Sets every counter to zero.</summary>
        public void Clear()
        {
            FramesReceived = 0;
            BytesReceived = 0;
            FramesSent = 0;
            Resyncs = 0;
            SkippedBytes = 0;
            OversizedFrames = 0;
            ErrorReplies = 0;
        }
    }
}
