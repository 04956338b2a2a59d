using System;
using NanoTlv.Framing;

namespace NanoTlv.Messages
{
    /// <summary>
    /// Builds framed messages (requests, replies, events) in place in one preallocated buffer. Several
    /// messages can be appended and sent in one write; <see cref="Clear"/> empties the buffer.
    /// Nothing is allocated after construction.
    /// </summary>
    /// <remarks>
    /// <code>
    /// | 72 | len u16 | opcode|0x80 | id u16 | status | data ... |   (one reply)
    ///  ^ frame start  ^ message start                  ^ written by Write* calls
    /// </code>
    /// </remarks>
    public sealed class MessageWriter
    {
        private readonly byte[] _buffer;
        private int _frameStart = -1;
        private int _position;
        private int _length;

        /// <summary>Creates a writer over <paramref name="buffer"/>.</summary>
        /// <param name="buffer">The preallocated output buffer.</param>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public MessageWriter(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            _buffer = buffer;
        }

        /// <summary>The output buffer; the first <see cref="Length"/> bytes are finished frames.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Bytes of finished frames.</summary>
        public int Length => _length;

        /// <summary>True while a message is begun and not yet ended.</summary>
        public bool IsMessageOpen => _frameStart >= 0;

        /// <summary>Room left for data in the open message (bounded by the buffer and the 16-bit length).</summary>
        public int Remaining
        {
            get
            {
                int room = _buffer.Length - _position;
                int lengthRoom = _frameStart < 0 ? 0 : FrameFormat.MaxEncodablePayloadBytes - (_position - _frameStart - FrameFormat.HeaderBytes);
                return room < lengthRoom ? room : lengthRoom;
            }
        }

        /// <summary>Begins a request.</summary>
        /// <param name="opcode">The command.</param>
        /// <param name="requestId">The id its reply will carry.</param>
        public void BeginRequest(Opcode opcode, ushort requestId)
        {
            BeginMessage(MessageHeader.RequestHeaderBytes);
            _buffer[_position] = (byte)opcode;
            BigEndian.WriteUInt16(_buffer, _position + 1, requestId);
            _position += MessageHeader.RequestHeaderBytes;
        }

        /// <summary>Begins a reply to the request with <paramref name="opcode"/> and <paramref name="requestId"/>.</summary>
        /// <param name="opcode">The request's opcode byte (any value, so unknown opcodes can be answered;
        /// see <see cref="MessageHeader.ReplyCodeFor"/>).</param>
        /// <param name="requestId">The request's id.</param>
        /// <param name="status">The outcome.</param>
        public void BeginReply(byte opcode, ushort requestId, StatusCode status) =>
            BeginReplyLayout(MessageHeader.ReplyCodeFor(opcode), requestId, status);

        /// <summary>Begins an unsolicited event (request id 0).</summary>
        /// <param name="code">The event.</param>
        /// <param name="status">The event's status.</param>
        public void BeginEvent(EventCode code, StatusCode status) =>
            BeginReplyLayout((byte)code, MessageHeader.EventRequestId, status);

        /// <summary>Appends one byte to the open message.</summary>
        /// <param name="value">The byte.</param>
        public void WriteByte(byte value)
        {
            Reserve(1);
            _buffer[_position++] = value;
        }

        /// <summary>Appends a big-endian u16.</summary>
        /// <param name="value">The value (low 16 bits).</param>
        public void WriteUInt16(int value)
        {
            Reserve(2);
            BigEndian.WriteUInt16(_buffer, _position, value);
            _position += 2;
        }

        /// <summary>Appends a big-endian u32.</summary>
        /// <param name="value">The value.</param>
        public void WriteUInt32(uint value)
        {
            Reserve(4);
            BigEndian.WriteUInt32(_buffer, _position, value);
            _position += 4;
        }

        /// <summary>Appends a big-endian i32.</summary>
        /// <param name="value">The value.</param>
        public void WriteInt32(int value) => WriteUInt32(unchecked((uint)value));

        /// <summary>Appends bytes with one <see cref="Array.Copy(Array, int, Array, int, int)"/>.</summary>
        /// <param name="source">Source array.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to copy.</param>
        public void WriteBytes(byte[] source, int offset, int count)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            if (offset < 0 || count < 0 || offset > source.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "Offset and count must lie inside the source.");
            }

            Reserve(count);
            Array.Copy(source, offset, _buffer, _position, count);
            _position += count;
        }

        /// <summary>Appends the low byte of each character of an ASCII string.</summary>
        /// <param name="text">ASCII text.</param>
        public void WriteAscii(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            Reserve(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                _buffer[_position++] = (byte)text[i];
            }
        }

        /// <summary>Finishes the open message: patches its frame length.</summary>
        /// <returns>The finished frame's length in bytes.</returns>
        public int EndMessage()
        {
            RequireOpen();
            int frameLength = FrameWriter.EndFrame(_buffer, _frameStart, _position - _frameStart - FrameFormat.HeaderBytes);
            _length = _position;
            _frameStart = -1;
            return frameLength;
        }

        /// <summary>Drops the open message, keeping the frames finished before it.</summary>
        public void CancelMessage()
        {
            _position = _length;
            _frameStart = -1;
        }

        /// <summary>Drops everything written.</summary>
        public void Clear()
        {
            _position = 0;
            _length = 0;
            _frameStart = -1;
        }

        private void BeginReplyLayout(byte code, ushort requestId, StatusCode status)
        {
            BeginMessage(MessageHeader.ReplyHeaderBytes);
            _buffer[_position] = code;
            BigEndian.WriteUInt16(_buffer, _position + 1, requestId);
            _buffer[_position + 3] = (byte)status;
            _position += MessageHeader.ReplyHeaderBytes;
        }

        private void BeginMessage(int headerBytes)
        {
            if (_frameStart >= 0)
            {
                throw new InvalidOperationException("A message is already open; end or cancel it first.");
            }

            if (_buffer.Length - _length < FrameFormat.HeaderBytes + headerBytes)
            {
                throw new InvalidOperationException("The output buffer has no room for another message (" + (_buffer.Length - _length) + " bytes left).");
            }

            _frameStart = _length;
            _position = FrameWriter.BeginFrame(_buffer, _frameStart);
        }

        private void Reserve(int count)
        {
            RequireOpen();
            if (count > Remaining)
            {
                throw new InvalidOperationException("The message has room for " + Remaining + " more bytes; " + count + " were written.");
            }
        }

        private void RequireOpen()
        {
            if (_frameStart < 0)
            {
                throw new InvalidOperationException("No message is open; call BeginRequest, BeginReply or BeginEvent first.");
            }
        }
    }
}
