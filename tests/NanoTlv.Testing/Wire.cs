using System;
using NanoTlv.Messages;

namespace NanoTlv.Testing
{
    /// <summary>Builds request payloads and the replies and events the device is expected to send (frames: <see cref="Hex.Frame"/>).</summary>
    public static class Wire
    {
        /// <summary>A request payload: opcode, id (big-endian), arguments.</summary>
        /// <param name="opcode">The opcode byte (any value, also unknown ones).</param>
        /// <param name="id">Request id.</param>
        /// <param name="arguments">Argument bytes.</param>
        /// <returns>The payload.</returns>
        public static byte[] Request(byte opcode, ushort id, params byte[] arguments)
        {
            ArgumentNullException.ThrowIfNull(arguments);
            var payload = new byte[MessageHeader.RequestHeaderBytes + arguments.Length];
            payload[0] = opcode;
            BigEndian.WriteUInt16(payload, 1, id);
            arguments.CopyTo(payload, MessageHeader.RequestHeaderBytes);
            return payload;
        }

        /// <summary>A request payload: opcode, id (big-endian), arguments.</summary>
        /// <param name="opcode">The opcode.</param>
        /// <param name="id">Request id.</param>
        /// <param name="arguments">Argument bytes.</param>
        /// <returns>The payload.</returns>
        public static byte[] Request(Opcode opcode, ushort id, params byte[] arguments) => Request((byte)opcode, id, arguments);

        /// <summary>The frame of a request.</summary>
        /// <param name="opcode">The opcode.</param>
        /// <param name="id">Request id.</param>
        /// <param name="arguments">Argument bytes.</param>
        /// <returns>The frame.</returns>
        public static byte[] RequestFrame(Opcode opcode, ushort id, params byte[] arguments) => Hex.Frame(Request(opcode, id, arguments));

        /// <summary>A HELLO request with an ASCII token.</summary>
        /// <param name="id">Request id.</param>
        /// <param name="token">The token ("" for none).</param>
        /// <returns>The payload.</returns>
        public static byte[] Hello(ushort id, string token) => Hello(id, System.Text.Encoding.ASCII.GetBytes(token));

        /// <summary>A HELLO request with token bytes.</summary>
        /// <param name="id">Request id.</param>
        /// <param name="token">The token bytes.</param>
        /// <returns>The payload.</returns>
        public static byte[] Hello(ushort id, byte[] token)
        {
            ArgumentNullException.ThrowIfNull(token);
            var arguments = new byte[2 + token.Length];
            arguments[0] = ProtocolLimits.ProtocolVersion;
            arguments[1] = (byte)token.Length;
            token.CopyTo(arguments, 2);
            return Request(Opcode.Hello, id, arguments);
        }

        /// <summary>A reply payload: reply code, id, status, data.</summary>
        /// <param name="opcode">The request's opcode byte.</param>
        /// <param name="id">Request id.</param>
        /// <param name="status">Status.</param>
        /// <param name="data">Reply data.</param>
        /// <returns>The payload.</returns>
        public static byte[] Reply(byte opcode, ushort id, StatusCode status, params byte[] data)
        {
            ArgumentNullException.ThrowIfNull(data);
            var payload = new byte[MessageHeader.ReplyHeaderBytes + data.Length];
            payload[0] = MessageHeader.ReplyCodeFor(opcode);
            BigEndian.WriteUInt16(payload, 1, id);
            payload[3] = (byte)status;
            data.CopyTo(payload, MessageHeader.ReplyHeaderBytes);
            return payload;
        }

        /// <summary>A reply payload: reply code, id, status, data.</summary>
        /// <param name="opcode">The request's opcode.</param>
        /// <param name="id">Request id.</param>
        /// <param name="status">Status.</param>
        /// <param name="data">Reply data.</param>
        /// <returns>The payload.</returns>
        public static byte[] Reply(Opcode opcode, ushort id, StatusCode status, params byte[] data) => Reply((byte)opcode, id, status, data);

        /// <summary>The framing-error event for skipped garbage.</summary>
        /// <param name="skippedBytes">Bytes skipped.</param>
        /// <returns>The event payload.</returns>
        public static byte[] GarbageSkippedEvent(int skippedBytes)
        {
            var data = new byte[4];
            BigEndian.WriteUInt32(data, 0, (uint)skippedBytes);
            return Event(EventCode.FramingError, StatusCode.GarbageSkipped, data);
        }

        /// <summary>The framing-error event for a frame announced larger than the device accepts.</summary>
        /// <param name="announcedBytes">The announced payload length.</param>
        /// <param name="maxPayloadBytes">The device's limit.</param>
        /// <returns>The event payload.</returns>
        public static byte[] FrameTooLargeEvent(int announcedBytes, int maxPayloadBytes)
        {
            var data = new byte[4];
            BigEndian.WriteUInt16(data, 0, announcedBytes);
            BigEndian.WriteUInt16(data, 2, maxPayloadBytes);
            return Event(EventCode.FramingError, StatusCode.FrameTooLarge, data);
        }

        /// <summary>The framing-error event for a payload too short to be a request.</summary>
        /// <param name="payloadBytes">The payload's length.</param>
        /// <returns>The event payload.</returns>
        public static byte[] MalformedRequestEvent(int payloadBytes)
        {
            var data = new byte[2];
            BigEndian.WriteUInt16(data, 0, payloadBytes);
            return Event(EventCode.FramingError, StatusCode.MalformedRequest, data);
        }

        /// <summary>An event payload: event code, id 0, status, data.</summary>
        /// <param name="code">Event code.</param>
        /// <param name="status">Status.</param>
        /// <param name="data">Event data.</param>
        /// <returns>The payload.</returns>
        public static byte[] Event(EventCode code, StatusCode status, params byte[] data)
        {
            ArgumentNullException.ThrowIfNull(data);
            var payload = new byte[MessageHeader.ReplyHeaderBytes + data.Length];
            payload[0] = (byte)code;
            payload[3] = (byte)status;
            data.CopyTo(payload, MessageHeader.ReplyHeaderBytes);
            return payload;
        }

        /// <summary>True for a PinChanged event.</summary>
        /// <param name="payload">A payload the device sent.</param>
        /// <returns>Whether it is one.</returns>
        public static bool IsPinChanged(byte[] payload) => payload is { Length: > 0 } && payload[0] == (byte)EventCode.PinChanged;

        /// <summary>The id of a reply.</summary>
        /// <param name="payload">A reply payload.</param>
        /// <returns>The id.</returns>
        public static ushort IdOf(byte[] payload) => BigEndian.ReadUInt16(payload, 1);

        /// <summary>The status of a reply or event.</summary>
        /// <param name="payload">A reply or event payload.</param>
        /// <returns>The status.</returns>
        public static StatusCode StatusOf(byte[] payload) => (StatusCode)payload[MessageHeader.StatusOffset];

        /// <summary>The data after a reply's header.</summary>
        /// <param name="payload">A reply payload.</param>
        /// <returns>A copy of the data.</returns>
        public static byte[] DataOf(byte[] payload) => payload[MessageHeader.ReplyHeaderBytes..];

        /// <summary>True when <paramref name="haystack"/> contains <paramref name="needle"/> as a run of bytes.</summary>
        /// <param name="haystack">Where to look.</param>
        /// <param name="needle">The run (empty never matches).</param>
        /// <returns>Whether it occurs.</returns>
        public static bool ContainsRun(byte[] haystack, byte[] needle) => needle.Length > 0 && haystack.AsSpan().IndexOf(needle) >= 0;
    }
}
