namespace NanoTlv.Framing
{
    /// <summary>What <see cref="FrameExtractor.Next"/> found in the bytes fed so far.</summary>
    public enum FrameReadResult : byte
    {
        /// <summary>Every byte of the current chunk is consumed; feed the next chunk.</summary>
        NeedMoreData = 0,

        /// <summary>
        /// A whole frame is available in <see cref="FrameExtractor.FrameBuffer"/> at
        /// <see cref="FrameExtractor.FrameOffset"/>, <see cref="FrameExtractor.FrameLength"/> bytes long.
        /// </summary>
        Frame = 1,

        /// <summary>
        /// Bytes that were not a marker were skipped up to the next marker (one resync episode);
        /// <see cref="FrameExtractor.LastSkippedBytes"/> says how many. Reported once per episode,
        /// when the next marker is found.
        /// </summary>
        Resynchronized = 2,

        /// <summary>
        /// A header announced a payload above the maximum; <see cref="FrameExtractor.LastOversizedLength"/>
        /// holds the announced length. That many bytes are discarded as they stream in, never buffered.
        /// </summary>
        FrameTooLarge = 3,

        /// <summary>
        /// Strict mode only: the stream broke the format (<see cref="FrameExtractor.Fault"/> says how).
        /// The extractor returns this until <see cref="FrameExtractor.Reset"/>.
        /// </summary>
        Faulted = 4,
    }
}
