namespace NanoTlv.Framing
{
    /// <summary>Why a strict <see cref="FrameExtractor"/> stopped.</summary>
    public enum FrameFault : byte
    {
        /// <summary>The extractor has not faulted.</summary>
        None = 0,

        /// <summary>A byte other than <see cref="FrameFormat.Marker"/> came where a frame had to start.</summary>
        UnexpectedByte = 1,

        /// <summary>A header announced a payload larger than the extractor's maximum.</summary>
        FrameTooLarge = 2,
    }
}
