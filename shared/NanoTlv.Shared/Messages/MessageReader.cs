using System;

namespace NanoTlv.Messages
{
    /// <summary>
    /// A reusable cursor over one message payload; reads big-endian fields. Allocate one per session
    /// and <see cref="Reset"/> it for each message.
    /// </summary>
    public sealed class MessageReader
    {
        private byte[] _buffer = new byte[0];
        private int _position;
        private int _end;

        /// <summary>The array being read.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Absolute offset of the next byte in <see cref="Buffer"/>.</summary>
        public int Position => _position;

        /// <summary>Bytes left to read.</summary>
        public int Remaining => _end - _position;

        /// <summary>Points the reader at <paramref name="length"/> bytes of <paramref name="buffer"/>.</summary>
        /// <param name="buffer">The payload's array.</param>
        /// <param name="offset">First payload byte.</param>
        /// <param name="length">Payload length.</param>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the buffer.</exception>
        public void Reset(byte[] buffer, int offset, int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "Offset and length must lie inside the buffer.");
            }

            _buffer = buffer;
            _position = offset;
            _end = offset + length;
        }

        /// <summary>Reads one byte.</summary>
        /// <returns>The byte.</returns>
        public byte ReadByte()
        {
            Require(1);
            return _buffer[_position++];
        }

        /// <summary>Reads a big-endian u16.</summary>
        /// <returns>The value.</returns>
        public ushort ReadUInt16()
        {
            Require(2);
            ushort value = BigEndian.ReadUInt16(_buffer, _position);
            _position += 2;
            return value;
        }

        /// <summary>Reads a big-endian u32.</summary>
        /// <returns>The value.</returns>
        public uint ReadUInt32()
        {
            Require(4);
            uint value = BigEndian.ReadUInt32(_buffer, _position);
            _position += 4;
            return value;
        }

        /// <summary>Reads a big-endian i32.</summary>
        /// <returns>The value.</returns>
        public int ReadInt32() => unchecked((int)ReadUInt32());

        /// <summary>Skips <paramref name="count"/> bytes (after reading them in place via <see cref="Buffer"/>).</summary>
        /// <param name="count">Bytes to skip.</param>
        public void Skip(int count)
        {
            Require(count);
            _position += count;
        }

        private void Require(int count)
        {
            if (count < 0 || count > _end - _position)
            {
                throw new InvalidOperationException("The message has " + (_end - _position) + " bytes left; " + count + " were read.");
            }
        }
    }
}
