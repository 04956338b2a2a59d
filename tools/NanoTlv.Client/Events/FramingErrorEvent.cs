using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>
    /// The device saw bytes from this client that broke the frame format (FRAMING_ERROR event):
    /// <see cref="StatusCode.GarbageSkipped"/> with <see cref="SkippedBytes"/>,
    /// <see cref="StatusCode.FrameTooLarge"/> with <see cref="AnnouncedLength"/> and <see cref="MaxPayloadBytes"/>,
    /// or <see cref="StatusCode.MalformedRequest"/> with <see cref="PayloadLength"/>.
    /// </summary>
    /// <param name="Status">Which violation.</param>
    /// <param name="SkippedBytes">Bytes skipped to the next marker (GarbageSkipped), else null.</param>
    /// <param name="AnnouncedLength">Length the oversized frame announced (FrameTooLarge), else null.</param>
    /// <param name="MaxPayloadBytes">The device's maximum (FrameTooLarge), else null.</param>
    /// <param name="PayloadLength">Length of the too-short payload (MalformedRequest), else null.</param>
    public sealed record FramingErrorEvent(
        StatusCode Status,
        long? SkippedBytes,
        int? AnnouncedLength,
        int? MaxPayloadBytes,
        int? PayloadLength) : DeviceEvent;
}
