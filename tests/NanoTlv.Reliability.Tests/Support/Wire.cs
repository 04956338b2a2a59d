using NanoTlv.Messages;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>Builds request payloads, frames and the replies and events the device is expected to send.</summary>
public static class Wire
{
    public static byte[] Request(byte opcode, ushort id, params byte[] arguments)
    {
        var payload = new byte[MessageLayout.RequestHeaderBytes + arguments.Length];
        payload[0] = opcode;
        BigEndian.WriteUInt16(payload, 1, id);
        arguments.CopyTo(payload, MessageLayout.RequestHeaderBytes);
        return payload;
    }

    public static byte[] Request(Opcode opcode, ushort id, params byte[] arguments) => Request((byte)opcode, id, arguments);

    public static byte[] RequestFrame(Opcode opcode, ushort id, params byte[] arguments) => Hex.Frame(Request(opcode, id, arguments));

    public static byte[] Hello(ushort id, string token) => Hello(id, System.Text.Encoding.ASCII.GetBytes(token));

    public static byte[] Hello(ushort id, byte[] token)
    {
        var arguments = new byte[2 + token.Length];
        arguments[0] = MessageLayout.ProtocolVersion;
        arguments[1] = (byte)token.Length;
        token.CopyTo(arguments, 2);
        return Request(Opcode.Hello, id, arguments);
    }

    public static byte[] Reply(byte opcode, ushort id, StatusCode status, params byte[] data)
    {
        var payload = new byte[MessageLayout.ReplyHeaderBytes + data.Length];
        payload[0] = MessageLayout.ReplyCodeFor(opcode);
        BigEndian.WriteUInt16(payload, 1, id);
        payload[3] = (byte)status;
        data.CopyTo(payload, MessageLayout.ReplyHeaderBytes);
        return payload;
    }

    public static byte[] Reply(Opcode opcode, ushort id, StatusCode status, params byte[] data) => Reply((byte)opcode, id, status, data);

    public static byte[] GarbageSkippedEvent(int skippedBytes)
    {
        var data = new byte[4];
        BigEndian.WriteUInt32(data, 0, (uint)skippedBytes);
        return Event(EventCode.FramingError, StatusCode.GarbageSkipped, data);
    }

    public static byte[] FrameTooLargeEvent(int announcedBytes, int maxPayloadBytes)
    {
        var data = new byte[4];
        BigEndian.WriteUInt16(data, 0, announcedBytes);
        BigEndian.WriteUInt16(data, 2, maxPayloadBytes);
        return Event(EventCode.FramingError, StatusCode.FrameTooLarge, data);
    }

    public static byte[] MalformedRequestEvent(int payloadBytes)
    {
        var data = new byte[2];
        BigEndian.WriteUInt16(data, 0, payloadBytes);
        return Event(EventCode.FramingError, StatusCode.MalformedRequest, data);
    }

    public static byte[] Event(EventCode code, StatusCode status, params byte[] data)
    {
        var payload = new byte[MessageLayout.ReplyHeaderBytes + data.Length];
        payload[0] = (byte)code;
        payload[3] = (byte)status;
        data.CopyTo(payload, MessageLayout.ReplyHeaderBytes);
        return payload;
    }

    public static bool IsPinChanged(byte[] payload) => payload.Length > 0 && payload[0] == (byte)EventCode.PinChanged;

    public static ushort IdOf(byte[] payload) => BigEndian.ReadUInt16(payload, 1);

    public static StatusCode StatusOf(byte[] payload) => (StatusCode)payload[MessageLayout.StatusOffset];

    public static byte[] DataOf(byte[] payload) => payload[MessageLayout.ReplyHeaderBytes..];

    /// <summary>True when <paramref name="haystack"/> contains <paramref name="needle"/> as a run of bytes.</summary>
    public static bool ContainsRun(byte[] haystack, byte[] needle) => needle.Length > 0 && haystack.AsSpan().IndexOf(needle) >= 0;
}
