using System;

namespace NanoTlv.Framing
{
    /// <summary>
    /// Writes TLV frames into a caller's preallocated buffer. Nothing is allocated.
    /// </summary>
    /// <remarks>
    /// Two ways to write a frame:
    /// <list type="bullet">
    /// <item><see cref="Write"/> copies a finished payload behind a header.</item>
    /// <item><see cref="BeginFrame"/> reserves the header and returns where the payload goes; the caller
    /// writes the payload in place, then <see cref="EndFrame"/> patches the length in.</item>
    /// </list>
    /// <code>
    ///  offset      offset+1  offset+2  offset+3
    /// +----------+---------+---------+-------------------+
    /// | 0x72     | len_hi  | len_lo  | payload           |
    /// +----------+---------+---------+-------------------+
    /// </code>
    /// </remarks>
    public static class FrameWriter
    {
        /// <summary>Writes a whole frame: header and a copy of the payload.</summary>
        /// <param name="payload">The payload bytes.</param>
        /// <param name="payloadOffset">Where the payload starts.</param>
        /// <param name="payloadLength">Payload length, 0..65535.</param>
        /// <param name="destination">The buffer to write the frame into.</param>
        /// <param name="destinationOffset">Where the frame starts in <paramref name="destination"/>.</param>
        /// <returns>Bytes written: <see cref="FrameFormat.HeaderBytes"/> plus the payload length.</returns>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The payload range lies outside <paramref name="payload"/>.</exception>
        /// <exception cref="ArgumentException">The payload is above 65535 bytes or the frame does not fit the destination.</exception>
        public static int Write(byte[] payload, int payloadOffset, int payloadLength, byte[] destination, int destinationOffset)
        {
            if (payload == null)
            {
                throw new ArgumentNullException(nameof(payload));
            }

            if (payloadOffset < 0 || payloadLength < 0 || payloadOffset > payload.Length - payloadLength)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadLength), "Payload offset and length must lie inside the payload array.");
            }

            // Every check before the first byte is written: a refused frame leaves the destination as it was.
            CheckHeaderRoom(destination, destinationOffset);
            CheckFits(destination, destinationOffset + FrameFormat.HeaderBytes, payloadLength);
            int payloadStart = BeginFrame(destination, destinationOffset);
            Array.Copy(payload, payloadOffset, destination, payloadStart, payloadLength);
            return EndFrame(destination, destinationOffset, payloadLength);
        }

        /// <summary>Reserves a frame header at <paramref name="frameOffset"/>.</summary>
        /// <param name="destination">The buffer to write the frame into.</param>
        /// <param name="frameOffset">Where the frame starts.</param>
        /// <returns>The offset at which the caller writes the payload.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
        /// <exception cref="ArgumentException">The header does not fit.</exception>
        public static int BeginFrame(byte[] destination, int frameOffset)
        {
            CheckHeaderRoom(destination, frameOffset);
            destination[frameOffset] = FrameFormat.Marker;
            return frameOffset + FrameFormat.HeaderBytes;
        }

        /// <summary>Patches the length of a frame begun with <see cref="BeginFrame"/>.</summary>
        /// <param name="destination">The buffer holding the frame.</param>
        /// <param name="frameOffset">Where the frame starts (the value passed to <see cref="BeginFrame"/>).</param>
        /// <param name="payloadLength">How many payload bytes were written after the header.</param>
        /// <returns>Total frame length: header plus payload.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
        /// <exception cref="ArgumentException">The payload is above 65535 bytes or overruns the destination, or no header was begun there.</exception>
        public static int EndFrame(byte[] destination, int frameOffset, int payloadLength)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (frameOffset < 0 || frameOffset > destination.Length - FrameFormat.HeaderBytes || destination[frameOffset] != FrameFormat.Marker)
            {
                throw new ArgumentException("No frame header was begun at offset " + frameOffset + ".", nameof(frameOffset));
            }

            CheckFits(destination, frameOffset + FrameFormat.HeaderBytes, payloadLength);
            destination[frameOffset + 1] = (byte)(payloadLength >> 8);
            destination[frameOffset + 2] = (byte)payloadLength;
            return FrameFormat.HeaderBytes + payloadLength;
        }

        private static void CheckHeaderRoom(byte[] destination, int frameOffset)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (frameOffset < 0 || frameOffset > destination.Length - FrameFormat.HeaderBytes)
            {
                throw new ArgumentException("The destination has no room for a 3-byte frame header at offset " + frameOffset + ".", nameof(frameOffset));
            }
        }

        private static void CheckFits(byte[] destination, int payloadStart, int payloadLength)
        {
            if (payloadLength < 0 || payloadLength > FrameFormat.MaxEncodablePayloadBytes)
            {
                throw new ArgumentException("A frame payload must be 0..65535 bytes; got " + payloadLength + ".", nameof(payloadLength));
            }

            if (payloadLength > destination.Length - payloadStart)
            {
                throw new ArgumentException("The destination has room for " + (destination.Length - payloadStart) + " payload bytes; the payload has " + payloadLength + ".", nameof(payloadLength));
            }
        }
    }
}
