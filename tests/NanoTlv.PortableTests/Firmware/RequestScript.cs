using System;
using NanoTlv.Messages;

namespace NanoTlv.PortableTests.Firmware
{
    /// <summary>
    /// The bytes a client sends, built request by request with <see cref="MessageWriter"/>, with raw bytes
    /// (garbage, broken headers) in between where a case needs them.
    /// </summary>
    public sealed class RequestScript
    {
        /// <summary>Room for one case's stream.</summary>
        public const int CapacityBytes = 2048;

        private static readonly byte[] NoArguments = new byte[0];

        private readonly byte[] _stream = new byte[CapacityBytes];
        private readonly MessageWriter _writer = new MessageWriter(new byte[CapacityBytes]);
        private int _length;

        /// <summary>Appends a request with no arguments.</summary>
        /// <param name="opcode">The opcode (any byte, cast, for unknown ones).</param>
        /// <param name="requestId">The request id.</param>
        /// <returns>This script.</returns>
        public RequestScript Request(Opcode opcode, ushort requestId) => Request(opcode, requestId, NoArguments);

        /// <summary>Appends a request.</summary>
        /// <param name="opcode">The opcode (any byte, cast, for unknown ones).</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="arguments">The argument bytes, exactly as on the wire.</param>
        /// <returns>This script.</returns>
        public RequestScript Request(Opcode opcode, ushort requestId, byte[] arguments)
        {
            _writer.Clear();
            _writer.BeginRequest(opcode, requestId);
            _writer.WriteBytes(arguments, 0, arguments.Length);
            _writer.EndMessage();
            return Raw(_writer.Buffer, _writer.Length);
        }

        /// <summary>Appends bytes as they are.</summary>
        /// <param name="bytes">The bytes.</param>
        /// <returns>This script.</returns>
        public RequestScript Raw(byte[] bytes) => Raw(bytes, bytes.Length);

        /// <summary>A copy of the stream built so far.</summary>
        /// <returns>The bytes.</returns>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_stream, copy, _length);
            return copy;
        }

        private RequestScript Raw(byte[] bytes, int count)
        {
            Array.Copy(bytes, 0, _stream, _length, count);
            _length += count;
            return this;
        }
    }
}
