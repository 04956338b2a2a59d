using System;
using NanoTlv.Framing;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Tests.Messages;

/// <summary>MessageWriter lays out requests, replies and events as framed payloads, in place.</summary>
public class MessageWriterTests
{
    [Fact]
    public void Request_is_opcode_then_big_endian_id_then_arguments()
    {
        var writer = new MessageWriter(new byte[32]);
        writer.BeginRequest(Opcode.Ping, 1);
        writer.WriteByte(0xAB);
        int frameLength = writer.EndMessage();

        // The example in MessageHeader's documentation.
        Assert.Equal("72000402" + "0001AB", Hex(writer));
        Assert.Equal(7, frameLength);
        Assert.False(writer.IsMessageOpen);
    }

    [Fact]
    public void Reply_is_opcode_with_the_reply_flag_then_id_then_status_then_data()
    {
        var writer = new MessageWriter(new byte[32]);
        writer.BeginReply((byte)Opcode.Ping, 1, StatusCode.Ok);
        writer.WriteByte(0xAB);
        writer.EndMessage();

        Assert.Equal("720005820001" + "00AB", Hex(writer));
    }

    [Theory]
    [InlineData(0x05, "720004" + "85BEEF01")]
    [InlineData(MessageHeader.MaxRequestOpcode, "720004" + "EFBEEF01")]
    [InlineData(MessageHeader.MaxRequestOpcode + 1, "720004" + "80BEEF01")]
    [InlineData(0xFF, "720004" + "80BEEF01")]
    public void Reply_to_an_unknown_opcode_uses_its_reply_code_and_never_an_event_code(int opcode, string hex)
    {
        var writer = new MessageWriter(new byte[16]);
        writer.BeginReply((byte)opcode, 0xBEEF, StatusCode.UnknownOpcode);
        writer.EndMessage();

        Assert.Equal(hex, Hex(writer));
    }

    [Fact]
    public void Every_reply_code_lies_in_the_reply_range()
    {
        for (int opcode = 0; opcode <= byte.MaxValue; opcode++)
        {
            byte code = MessageHeader.ReplyCodeFor((byte)opcode);
            byte expected = opcode <= MessageHeader.MaxRequestOpcode ? (byte)(opcode | MessageHeader.ReplyFlag) : MessageHeader.OutOfRangeOpcodeReplyCode;
            Assert.Equal(expected, code);
            Assert.InRange(code, MessageHeader.ReplyFlag, MessageHeader.FirstEventCode - 1);
        }
    }

    [Fact]
    public void Event_carries_request_id_zero_and_a_status()
    {
        var writer = new MessageWriter(new byte[32]);
        writer.BeginEvent(EventCode.PinChanged, StatusCode.Ok);
        writer.WriteByte(5);
        writer.WriteByte(1);
        writer.WriteUInt32(0x01020304);
        writer.EndMessage();

        Assert.Equal("72000A" + "F0000000" + "0501" + "01020304", Hex(writer));
    }

    [Fact]
    public void Field_writers_are_big_endian()
    {
        var writer = new MessageWriter(new byte[64]);
        writer.BeginRequest(Opcode.PwmSet, 0x1234);
        writer.WriteUInt16(0xABCD);
        writer.WriteUInt16(0x1_0042);
        writer.WriteUInt32(0xDEADBEEF);
        writer.WriteInt32(-2);
        writer.WriteBytes([9, 8, 7, 6], 1, 2);
        writer.WriteAscii("Az");
        writer.EndMessage();

        Assert.Equal("720013" + "311234" + "ABCD" + "0042" + "DEADBEEF" + "FFFFFFFE" + "0807" + "417A", Hex(writer));
    }

    [Fact]
    public void Several_messages_are_appended_back_to_back_and_decode_as_frames()
    {
        var writer = new MessageWriter(new byte[64]);
        for (ushort id = 1; id <= 3; id++)
        {
            writer.BeginRequest(Opcode.DigitalRead, id);
            writer.WriteByte((byte)(id + 10));
            writer.EndMessage();
        }

        Assert.Equal(21, writer.Length);
        var extractor = new FrameExtractor(16);
        extractor.Feed(writer.Buffer, 0, writer.Length);
        for (int id = 1; id <= 3; id++)
        {
            Assert.Equal(FrameReadResult.Frame, extractor.Next());
            Assert.Equal(new byte[] { 0x12, 0, (byte)id, (byte)(id + 10) }, extractor.FrameBuffer.AsSpan(extractor.FrameOffset, extractor.FrameLength).ToArray());
        }
    }

    [Fact]
    public void CancelMessage_drops_the_open_message_and_keeps_the_frames_before_it()
    {
        var writer = new MessageWriter(new byte[64]);
        writer.BeginRequest(Opcode.Ping, 7);
        writer.WriteByte(0x01);
        writer.EndMessage();
        string first = Hex(writer);

        writer.BeginRequest(Opcode.Ping, 8);
        writer.WriteBytes(new byte[20], 0, 20);
        writer.CancelMessage();

        Assert.False(writer.IsMessageOpen);
        Assert.Equal(first, Hex(writer));

        writer.BeginRequest(Opcode.Info, 9);
        writer.EndMessage();
        Assert.Equal(first + "720003030009", Hex(writer));
    }

    [Fact]
    public void Clear_drops_everything()
    {
        var writer = new MessageWriter(new byte[16]);
        writer.BeginRequest(Opcode.Caps, 1);
        writer.EndMessage();
        writer.BeginRequest(Opcode.Caps, 2);
        writer.Clear();

        Assert.Equal(0, writer.Length);
        Assert.False(writer.IsMessageOpen);
        writer.BeginRequest(Opcode.Caps, 3);
        writer.EndMessage();
        Assert.Equal("720003040003", Hex(writer));
    }

    [Fact]
    public void Writing_past_the_buffer_throws_with_the_room_left_and_the_message_can_be_cancelled()
    {
        var writer = new MessageWriter(new byte[10]);
        writer.BeginRequest(Opcode.Ping, 1);
        Assert.Equal(4, writer.Remaining);

        var error = Assert.Throws<InvalidOperationException>(() => writer.WriteBytes(new byte[5], 0, 5));
        Assert.Equal("The message has room for 4 more bytes; 5 were written.", error.Message);
        writer.WriteUInt16(1);
        Assert.Throws<InvalidOperationException>(() => writer.WriteUInt32(1));
        writer.WriteUInt16(2);
        Assert.Equal(0, writer.Remaining);
        Assert.Throws<InvalidOperationException>(() => writer.WriteByte(1));
        Assert.Throws<InvalidOperationException>(() => writer.WriteAscii("x"));

        writer.CancelMessage();
        Assert.Equal(0, writer.Length);
    }

    [Fact]
    public void Beginning_a_message_without_room_for_its_header_throws_with_the_bytes_left()
    {
        var writer = new MessageWriter(new byte[12]);
        writer.BeginRequest(Opcode.Ping, 1);
        writer.EndMessage();

        var error = Assert.Throws<InvalidOperationException>(() => writer.BeginReply(2, 1, StatusCode.Ok));
        Assert.Contains("6 bytes left", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, writer.Length);
        writer.BeginRequest(Opcode.Ping, 2);
        Assert.Equal(0, writer.Remaining);
    }

    [Fact]
    public void Remaining_is_bounded_by_the_16_bit_length_field()
    {
        var writer = new MessageWriter(new byte[70000]);
        writer.BeginRequest(Opcode.Ping, 1);
        Assert.Equal(FrameFormat.MaxEncodablePayloadBytes - MessageHeader.RequestHeaderBytes, writer.Remaining);
    }

    [Fact]
    public void Misuse_throws_with_a_message()
    {
        var writer = new MessageWriter(new byte[16]);
        Assert.Contains("No message is open", Assert.Throws<InvalidOperationException>(() => writer.WriteByte(1)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => writer.EndMessage());
        writer.BeginRequest(Opcode.Ping, 1);
        Assert.Contains("already open", Assert.Throws<InvalidOperationException>(() => writer.BeginRequest(Opcode.Ping, 2)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => writer.WriteBytes(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteBytes(new byte[2], 1, 2));
        Assert.Throws<ArgumentNullException>(() => writer.WriteAscii(null!));
        Assert.Throws<ArgumentNullException>(() => new MessageWriter(null!));
    }

    private static string Hex(MessageWriter writer) => Convert.ToHexString(writer.Buffer, 0, writer.Length);
}
