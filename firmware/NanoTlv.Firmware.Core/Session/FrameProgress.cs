using NanoTlv.Framing;

namespace NanoTlv.Firmware.Session
{
    /// <summary>
    /// Tells whether the stream stops in the middle of a frame, from the extractor's counters alone: every
    /// byte fed is either skipped garbage, part of a delivered frame, part of an oversized frame (header plus
    /// announced length), or part of the frame still being received. A difference between bytes fed and bytes
    /// accounted for means a frame (or an oversized frame's discard) is in progress.
    /// </summary>
    internal sealed class FrameProgress
    {
        private long _accountedBytes;

        /// <summary>Forgets everything (new connection; the extractor is reset too).</summary>
        public void Reset() => _accountedBytes = 0;

        /// <summary>A frame was delivered.</summary>
        /// <param name="payloadBytes">Its payload length.</param>
        public void OnFrame(int payloadBytes) => _accountedBytes += FrameFormat.HeaderBytes + payloadBytes;

        /// <summary>An oversized frame was reported; its announced payload will be discarded as it arrives.</summary>
        /// <param name="announcedBytes">The announced payload length.</param>
        public void OnOversized(int announcedBytes) => _accountedBytes += FrameFormat.HeaderBytes + announcedBytes;

        /// <summary>True when the extractor has consumed part of a frame (header, payload or discard) but not all of it.
        /// Valid once <see cref="FrameExtractor.Next"/> has returned <see cref="FrameReadResult.NeedMoreData"/>.</summary>
        /// <param name="extractor">The session's extractor.</param>
        /// <returns>Whether a frame is in progress.</returns>
        public bool IsFrameInProgress(FrameExtractor extractor) =>
            extractor.BytesReceived - extractor.SkippedBytes != _accountedBytes;
    }
}
