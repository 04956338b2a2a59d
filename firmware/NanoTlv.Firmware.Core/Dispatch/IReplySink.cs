namespace NanoTlv.Firmware.Dispatch
{
    /// <summary>
    /// Where a handler writes its reply data: the bytes after the status. The dispatcher has opened the
    /// reply (header and status) and closes it; a handler can only append, so it can never take over or
    /// cancel the reply. Values are big-endian, as everywhere on the wire.
    /// </summary>
    internal interface IReplySink
    {
        /// <summary>Appends one byte.</summary>
        /// <param name="value">The byte.</param>
        void WriteByte(byte value);

        /// <summary>Appends a u16.</summary>
        /// <param name="value">0..65535.</param>
        void WriteUInt16(int value);

        /// <summary>Appends an i32.</summary>
        /// <param name="value">The value.</param>
        void WriteInt32(int value);

        /// <summary>Appends a u32.</summary>
        /// <param name="value">The value.</param>
        void WriteUInt32(uint value);

        /// <summary>Appends bytes (copied with <c>Array.Copy</c>).</summary>
        /// <param name="source">Source array.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to append.</param>
        void WriteBytes(byte[] source, int offset, int count);
    }
}
