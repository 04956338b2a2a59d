using System;
using System.Runtime.InteropServices;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>Builds one request frame with the shared <see cref="MessageWriter"/>.</summary>
    public static class RequestFrame
    {
        /// <summary>Largest argument block one frame can carry.</summary>
        public const int MaxArgumentBytes = FrameFormat.MaxEncodablePayloadBytes - MessageHeader.RequestHeaderBytes;

        /// <summary>Frames <paramref name="arguments"/> as request <paramref name="requestId"/>.</summary>
        /// <param name="opcode">The command.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="arguments">The argument bytes.</param>
        /// <returns>The whole frame: <c>72 | len u16 | opcode | id u16 | arguments</c>.</returns>
        public static byte[] Build(Opcode opcode, ushort requestId, ReadOnlyMemory<byte> arguments)
        {
            if (arguments.Length > MaxArgumentBytes)
            {
                throw new ArgumentException("A request carries at most " + MaxArgumentBytes + " argument bytes; got " + arguments.Length + ".", nameof(arguments));
            }

            var frame = new byte[FrameFormat.HeaderBytes + MessageHeader.RequestHeaderBytes + arguments.Length];
            var writer = new MessageWriter(frame);
            writer.BeginRequest(opcode, requestId);
            if (!arguments.IsEmpty)
            {
                // The typed commands build their arguments as arrays: written from there, not copied again first.
                ArraySegment<byte> segment = MemoryMarshal.TryGetArray(arguments, out ArraySegment<byte> array) ? array : new ArraySegment<byte>(arguments.ToArray());
                writer.WriteBytes(segment.Array!, segment.Offset, segment.Count);
            }

            writer.EndMessage();
            return frame;
        }
    }
}
