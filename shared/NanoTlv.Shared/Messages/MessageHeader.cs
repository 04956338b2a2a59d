namespace NanoTlv.Messages
{
    /// <summary>
    /// Where things sit in a message payload (the payload of one frame): the headers of requests, replies and
    /// events, and how a reply's first byte follows from its request's.
    /// </summary>
    /// <remarks>
    /// <code>
    /// request: | opcode u8        | request_id u16 BE | arguments ...          |
    /// reply:   | opcode|0x80 u8   | request_id u16 BE | status u8 | data ...  |
    /// event:   | event code u8    | 0x0000            | status u8 | data ...  |
    /// </code>
    /// Example: PING id 1 with argument <c>AB</c> is the frame <c>72 00 04 02 00 01 AB</c>; its reply is
    /// <c>72 00 05 82 00 01 00 AB</c>.
    /// </remarks>
    public static class MessageHeader
    {
        /// <summary>Opcode and request id.</summary>
        public const int RequestHeaderBytes = 3;

        /// <summary>Reply code, request id and status.</summary>
        public const int ReplyHeaderBytes = 4;

        /// <summary>Set in the first byte of a reply: reply code = opcode | 0x80.</summary>
        public const byte ReplyFlag = 0x80;

        /// <summary>
        /// The highest byte that can be a request opcode. Its reply code, 0xEF, stays below
        /// <see cref="FirstEventCode"/>, so replies and events never share a first byte.
        /// </summary>
        public const byte MaxRequestOpcode = 0x6F;

        /// <summary>
        /// The reply code for a request whose first byte lies outside 0x00..<see cref="MaxRequestOpcode"/>
        /// (always answered with <see cref="StatusCode.UnknownOpcode"/>): 0x80, the reply code of opcode 0x00.
        /// </summary>
        public const byte OutOfRangeOpcodeReplyCode = ReplyFlag;

        /// <summary>First byte values at or above this are events.</summary>
        public const byte FirstEventCode = 0xF0;

        /// <summary>The request id every event carries.</summary>
        public const ushort EventRequestId = 0;

        /// <summary>Offset of the status byte in a reply or event payload.</summary>
        public const int StatusOffset = 3;

        /// <summary>The first byte of a reply to a request whose first byte is <paramref name="opcode"/>:
        /// opcode | 0x80 for 0x00..0x6F, <see cref="OutOfRangeOpcodeReplyCode"/> for every other byte.</summary>
        /// <param name="opcode">The request's first byte.</param>
        /// <returns>The reply code, always in 0x80..0xEF.</returns>
        public static byte ReplyCodeFor(byte opcode) =>
            opcode <= MaxRequestOpcode ? (byte)(opcode | ReplyFlag) : OutOfRangeOpcodeReplyCode;
    }
}
