namespace NanoTlv.Cli.Harness
{
    /// <summary>What one stretch of the harness's byte stream is.</summary>
    internal enum PlannedItemKind
    {
        /// <summary>A PING request; expects the echo.</summary>
        Ping,

        /// <summary>Non-marker bytes; expects FRAMING_ERROR GarbageSkipped.</summary>
        Garbage,

        /// <summary>A frame above the device's maximum; expects FRAMING_ERROR FrameTooLarge.</summary>
        Oversized,

        /// <summary>An empty frame; expects FRAMING_ERROR MalformedRequest.</summary>
        ZeroLength,
    }
}
