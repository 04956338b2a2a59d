using System;
using System.Linq;
using System.Text;
using NanoTlv.Framing;
using Xunit;

namespace NanoTlv.Tests.Framing;

/// <summary>FrameWriter's layouts, its limits, and compatibility with Python's <c>wrap_packet</c>.</summary>
public class FrameWriterTests
{
    [Theory]
    [InlineData(0, "72 00 00")]
    [InlineData(1, "72 00 01")]
    [InlineData(255, "72 00 FF")]
    [InlineData(256, "72 01 00")]
    [InlineData(1024, "72 04 00")]
    [InlineData(65535, "72 FF FF")]
    public void Write_puts_the_marker_and_the_big_endian_length_before_the_payload(int length, string header)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        var destination = new byte[length + 3];

        int written = FrameWriter.Write(payload, 0, length, destination, 0);

        Assert.Equal(length + 3, written);
        Assert.Equal(header, Convert.ToHexString(destination, 0, 3).Insert(4, " ").Insert(2, " "));
        Assert.Equal(payload, destination[3..]);
    }

    [Fact]
    public void BeginFrame_then_EndFrame_frames_a_payload_written_in_place()
    {
        var destination = Enumerable.Repeat((byte)0xEE, 10).ToArray();

        int payloadStart = FrameWriter.BeginFrame(destination, 1);
        "hey"u8.CopyTo(destination.AsSpan(payloadStart));
        int total = FrameWriter.EndFrame(destination, 1, 3);

        Assert.Equal(4, payloadStart);
        Assert.Equal(6, total);
        Assert.Equal("EE7200036865 79EEEEEE".Replace(" ", string.Empty, StringComparison.Ordinal), Convert.ToHexString(destination));
    }

    /// <summary>Python: <c>def wrap_packet(p): return b'\x72' + struct.pack('&gt;H', len(p)) + p</c>.</summary>
    [Theory]
    [InlineData("", "720000")]
    [InlineData("hello", "72000568656C6C6F")]
    [InlineData("rr", "7200027272")]
    [InlineData("\u0001\u0002", "7200020102")]
    public void Output_matches_python_wrap_packet_byte_for_byte(string payloadText, string wrapPacketHex)
    {
        var payload = Encoding.Latin1.GetBytes(payloadText);
        var destination = new byte[payload.Length + 3];

        FrameWriter.Write(payload, 0, payload.Length, destination, 0);

        Assert.Equal(wrapPacketHex, Convert.ToHexString(destination));
    }

    [Fact]
    public void Output_matches_python_wrap_packet_for_a_300_byte_payload()
    {
        // wrap_packet(bytes(300))[:3] == b'\x72\x01\x2c'
        var destination = new byte[303];
        FrameWriter.Write(new byte[300], 0, 300, destination, 0);
        Assert.Equal("72012C", Convert.ToHexString(destination, 0, 3));
        Assert.All(destination[3..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Write_rejects_a_payload_above_65535_bytes_with_a_clear_message()
    {
        var payload = new byte[FrameFormat.MaxEncodablePayloadBytes + 1];
        var destination = new byte[payload.Length + 3];

        var error = Assert.Throws<ArgumentException>(() => FrameWriter.Write(payload, 0, payload.Length, destination, 0));

        Assert.Contains("0..65535", error.Message, StringComparison.Ordinal);
        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
        Assert.Equal("payloadLength", error.ParamName);
    }

    [Theory]
    [InlineData(12, 0, 10)]
    [InlineData(13, 1, 10)]
    [InlineData(3, 0, 1)]
    public void Write_rejects_a_frame_that_does_not_fit_and_leaves_the_destination_untouched(int destinationBytes, int offset, int payloadBytes)
    {
        var destination = Enumerable.Repeat((byte)0xEE, destinationBytes).ToArray();

        var error = Assert.Throws<ArgumentException>(() => FrameWriter.Write(new byte[payloadBytes], 0, payloadBytes, destination, offset));

        int room = destinationBytes - offset - 3;
        Assert.Contains($"room for {room} payload bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains($"has {payloadBytes}", error.Message, StringComparison.Ordinal);
        Assert.All(destination, b => Assert.Equal(0xEE, b));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(5, 3)]
    [InlineData(5, -1)]
    public void BeginFrame_rejects_an_offset_without_room_for_the_header(int destinationBytes, int offset)
    {
        var error = Assert.Throws<ArgumentException>(() => FrameWriter.BeginFrame(new byte[destinationBytes], offset));
        Assert.Contains("3-byte frame header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndFrame_rejects_a_length_above_65535_or_a_missing_header()
    {
        var destination = new byte[8];
        Assert.Contains("No frame header", Assert.Throws<ArgumentException>(() => FrameWriter.EndFrame(destination, 0, 1)).Message, StringComparison.Ordinal);

        FrameWriter.BeginFrame(destination, 0);
        Assert.Contains("0..65535", Assert.Throws<ArgumentException>(() => FrameWriter.EndFrame(destination, 0, 65536)).Message, StringComparison.Ordinal);
        Assert.Contains("0..65535", Assert.Throws<ArgumentException>(() => FrameWriter.EndFrame(destination, 0, -1)).Message, StringComparison.Ordinal);
        Assert.Contains("room for 5", Assert.Throws<ArgumentException>(() => FrameWriter.EndFrame(destination, 0, 6)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_rejects_null_buffers_and_a_payload_range_outside_the_payload()
    {
        Assert.Throws<ArgumentNullException>(() => FrameWriter.Write(null!, 0, 0, new byte[3], 0));
        Assert.Throws<ArgumentNullException>(() => FrameWriter.Write([], 0, 0, null!, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameWriter.Write(new byte[4], 2, 3, new byte[10], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameWriter.Write(new byte[4], -1, 1, new byte[10], 0));
    }
}
