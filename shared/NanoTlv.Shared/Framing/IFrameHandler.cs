namespace NanoTlv.Framing
{
    /// <summary>
    /// Receives what <see cref="FrameExtractor.Feed(byte[], int, int, IFrameHandler)"/> finds in a chunk, in
    /// stream order: the push form of <see cref="FrameExtractor.Next"/>.
    /// </summary>
    /// <remarks>
    /// Called on the thread that feeds the extractor, while it feeds. A handler must not call back into the
    /// same extractor (the extractor throws <see cref="System.InvalidOperationException"/> if it does). An
    /// exception thrown by a handler propagates out of <c>Feed</c>; the event it was handling counts as
    /// delivered and the rest of the chunk stays pending (<see cref="FrameExtractor.PendingBytes"/>), to be
    /// read with <see cref="FrameExtractor.Next"/> before the next chunk is fed.
    /// </remarks>
    public interface IFrameHandler
    {
        /// <summary>A whole frame. The payload is valid only during this call: copy what must outlive it.</summary>
        /// <param name="buffer">The caller's chunk (payload whole inside it) or the extractor's own buffer.</param>
        /// <param name="offset">Where the payload starts in <paramref name="buffer"/>.</param>
        /// <param name="length">The payload length, 0 to the extractor's maximum.</param>
        void OnFrame(byte[] buffer, int offset, int length);

        /// <summary>One resync episode ended: bytes that were not a marker were skipped up to the next marker.</summary>
        /// <param name="skippedBytes">How many bytes the episode skipped.</param>
        void OnResynchronized(int skippedBytes);

        /// <summary>A header announced a payload above the maximum; that many bytes are now discarded as they arrive.</summary>
        /// <param name="announcedLength">The length the header announced.</param>
        void OnFrameTooLarge(int announcedLength);
    }
}
