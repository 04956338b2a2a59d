using System;
using System.Diagnostics.CodeAnalysis;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>
    /// One message from the device: a reply or an event, parsed from a frame payload.
    /// </summary>
    /// <remarks>
    /// <code>
    /// reply: | opcode|0x80 u8 | request_id u16 BE | status u8 | data ... |
    /// event: | event code u8  | 0x0000            | status u8 | data ... |
    /// </code>
    /// </remarks>
    /// <param name="Code">First byte: reply code (opcode | 0x80) or event code (0xF0 and above).</param>
    /// <param name="RequestId">The request id (0 for events).</param>
    /// <param name="Status">The status byte.</param>
    /// <param name="Data">The bytes after the status (a copy, owned by this message).</param>
    public sealed record IncomingMessage(byte Code, ushort RequestId, StatusCode Status, ReadOnlyMemory<byte> Data)
    {
        /// <summary>True for an unsolicited event.</summary>
        public bool IsEvent => Code >= MessageHeader.FirstEventCode;

        /// <summary>True for a reply to a request.</summary>
        public bool IsReply => !IsEvent && (Code & MessageHeader.ReplyFlag) != 0;

        /// <summary>The request opcode a reply answers (meaningless for events).</summary>
        public Opcode Opcode => (Opcode)(Code & ~MessageHeader.ReplyFlag);

        /// <summary>Parses a frame payload; false when it is shorter than the 4-byte reply header.</summary>
        /// <param name="payload">The frame payload.</param>
        /// <param name="message">The message, when the payload is long enough.</param>
        /// <returns>Whether the payload holds a message.</returns>
        public static bool TryParse(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out IncomingMessage? message)
        {
            if (payload.Length < MessageHeader.ReplyHeaderBytes)
            {
                message = null;
                return false;
            }

            ushort requestId = (ushort)((payload[1] << 8) | payload[2]);
            message = new IncomingMessage(
                payload[0],
                requestId,
                (StatusCode)payload[MessageHeader.StatusOffset],
                payload.Slice(MessageHeader.ReplyHeaderBytes).ToArray());
            return true;
        }
    }
}
