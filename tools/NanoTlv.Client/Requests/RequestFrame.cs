using System;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>Builds one request frame with the shared <see cref="MessageWriter"/>.</summary>
    internal static class RequestFrame
    {
        /// <summary>Largest argument block one frame can carry.</summary>
        public const int MaxArgumentBytes = FrameFormat.MaxEncodablePayloadBytes - MessageLayout.RequestHeaderBytes;

        /// <summary>Frames <paramref name="arguments"/> as request <paramref name="requestId"/>.</summary>
        /// <param name="opcode">The command.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="arguments">The argument bytes.</param>
        /// <returns>The whole frame: <c>72 | len u16 | opcode | id u16 | arguments</c>.</returns>
        public static byte[] Build(Opcode opcode, ushort requestId, ReadOnlySpan<byte> arguments)
        {
            if (arguments.Length > MaxArgumentBytes)
            {
                throw new ArgumentException("A request carries at most " + MaxArgumentBytes + " argument bytes; got " + arguments.Length + ".", nameof(arguments));
            }

            var frame = new byte[FrameFormat.HeaderBytes + MessageLayout.RequestHeaderBytes + arguments.Length];
            var writer = new MessageWriter(frame);
            writer.BeginRequest(opcode, requestId);
            if (!arguments.IsEmpty)
            {
                writer.WriteBytes(arguments.ToArray(), 0, arguments.Length);
            }

            writer.EndMessage();
            return frame;
        }
    }
}
