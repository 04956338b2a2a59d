namespace NanoTlv.Framing
{
    /// <summary>
    /// Constants of the TLV frame format, byte-compatible with the original Python
    /// <c>StreamGramsExtractor</c> / <c>wrap_packet</c>.
    /// </summary>
    /// <remarks>
    /// <code>
    /// +--------+---------+---------+------------------------+
    /// | 0x72   | len_hi  | len_lo  | payload (len bytes)    |
    /// +--------+---------+---------+------------------------+
    ///  marker   16-bit big-endian     0..65535 bytes
    ///           payload length
    /// </code>
    /// Example: payload <c>01 02</c> travels as <c>72 00 02 01 02</c>; an empty payload as <c>72 00 00</c>.
    /// </remarks>
    public static class FrameFormat
    {
        /// <summary>The byte that starts every frame.</summary>
        public const byte Marker = 0x72;

        /// <summary>Bytes before the payload: marker and two length bytes.</summary>
        public const int HeaderBytes = 3;

        /// <summary>The largest payload the 16-bit length field can describe.</summary>
        public const int MaxEncodablePayloadBytes = 65535;

        /// <summary>The device's default receive limit for one payload.</summary>
        public const int DefaultDeviceMaxPayloadBytes = 1024;
    }
}
