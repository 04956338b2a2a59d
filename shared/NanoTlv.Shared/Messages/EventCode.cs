namespace NanoTlv.Messages
{
    /// <summary>
    /// Unsolicited messages from the device. They share the reply layout with request id 0:
    /// <c>code u8 | 00 00 | status u8 | data</c>. Every event code is at least 0xF0, above every reply code.
    /// </summary>
    public enum EventCode : byte
    {
        /// <summary>Status OK. Data: pin u8, level u8, timestamp_ms u32 (device uptime).</summary>
        PinChanged = 0xF0,

        /// <summary>The stream broke the frame format. Status: <see cref="StatusCode.GarbageSkipped"/>
        /// (data: skipped u32) or <see cref="StatusCode.FrameTooLarge"/> (data: announced_length u16, max_payload u16),
        /// or <see cref="StatusCode.MalformedRequest"/> (data: payload_length u16) for a payload too short for a request header.</summary>
        FramingError = 0xF1,

        /// <summary>The server refuses the connection and closes it. Status: <see cref="StatusCode.Busy"/>. Data: max_clients u8.</summary>
        ConnectionRejected = 0xF2,
    }
}
