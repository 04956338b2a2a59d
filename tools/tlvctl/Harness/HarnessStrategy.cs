namespace NanoTlv.Cli.Harness
{
    /// <summary>How the harness cuts the byte stream into writes, and what it mixes into it.</summary>
    public enum HarnessStrategy
    {
        /// <summary>"whole": one write per frame.</summary>
        Whole,

        /// <summary>"byte": one byte per write.</summary>
        SingleBytes,

        /// <summary>"random": writes of random length, cutting anywhere.</summary>
        RandomSplits,

        /// <summary>"fixed": writes of <see cref="HarnessOptions.ChunkBytes"/> bytes.</summary>
        FixedChunks,

        /// <summary>"header-split": each frame cut inside or right after its 3-byte header.</summary>
        HeaderSplit,

        /// <summary>"burst": many frames coalesced into one write.</summary>
        Burst,

        /// <summary>"garbage": runs of non-marker bytes between frames (random splits); each run must
        /// produce a FRAMING_ERROR GarbageSkipped event with its length.</summary>
        Garbage,

        /// <summary>"oversized": frames announcing more than the device's maximum (random splits); each must
        /// produce a FRAMING_ERROR FrameTooLarge event and be discarded by its length.</summary>
        Oversized,

        /// <summary>"zero-length": empty frames <c>72 00 00</c> (random splits); each must produce a FRAMING_ERROR
        /// MalformedRequest event with payload length 0.</summary>
        ZeroLength,

        /// <summary>"marker-bytes": payloads (and request ids) full of 0x72 bytes (random splits).</summary>
        MarkerBytes,
    }
}
