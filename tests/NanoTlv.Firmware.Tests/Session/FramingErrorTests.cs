using NanoTlv.Firmware.Tests.Support;
using Xunit;

namespace NanoTlv.Firmware.Tests.Session;

/// <summary>Byte-level faults get FramingError events (code F1, id 0) and the next frame is still answered.</summary>
public sealed class FramingErrorTests
{
    [Fact]
    public void Garbage_before_a_frame_is_reported_with_its_length()
    {
        using var device = new TestDevice();
        byte[] stream = [0x01, 0x02, 0x03, .. Hex.FrameOf("02 00 01")];

        Assert.Equal(["F1 00 00 11 00 00 00 03", "82 00 01 00"], Format(device.Serve(stream)));
    }

    [Fact]
    public void Garbage_split_over_chunks_is_one_episode()
    {
        using var device = new TestDevice();

        var replies = Format(device.Serve([0x55, 0x55], [0x55], [.. Hex.FrameOf("02 00 01")]));

        Assert.Equal(["F1 00 00 11 00 00 00 03", "82 00 01 00"], replies);
    }

    [Fact]
    public void An_oversized_frame_is_reported_at_once_discarded_and_the_next_frame_answered()
    {
        using var device = new TestDevice(options => options.MaxPayloadBytes = 128);
        byte[] oversized = [0x72, 0x00, 0x81, .. new byte[129]];

        var replies = Format(device.Serve([.. oversized[..50]], [.. oversized[50..], .. Hex.FrameOf("02 00 02")]));

        Assert.Equal(["F1 00 00 0D 00 81 00 80", "82 00 02 00"], replies);
    }

    [Fact]
    public void A_frame_full_of_markers_inside_an_oversized_frame_is_not_mistaken_for_frames()
    {
        using var device = new TestDevice(options => options.MaxPayloadBytes = 128);
        byte[] payload = Enumerable.Repeat((byte)0x72, 200).ToArray();

        var replies = Format(device.Serve([0x72, 0x00, 0xC8, .. payload[..100]], [.. payload[100..], .. Hex.FrameOf("02 00 03")]));

        Assert.Equal(["F1 00 00 0D 00 C8 00 80", "82 00 03 00"], replies);
    }

    [Theory]
    [InlineData("", "F1 00 00 10 00 00")]
    [InlineData("02", "F1 00 00 10 00 01")]
    [InlineData("02 00", "F1 00 00 10 00 02")]
    public void A_payload_shorter_than_a_request_header_gets_MalformedRequest(string payload, string expected)
    {
        using var device = new TestDevice();

        Assert.Equal([expected, "82 00 04 00"], device.ExchangeHex(payload, "02 00 04"));
    }

    [Fact]
    public void Every_fault_in_one_chunk_is_reported_in_order_between_the_replies()
    {
        using var device = new TestDevice(options => options.MaxPayloadBytes = 128);
        byte[] chunk =
        [
            .. Hex.FrameOf("02 00 01"), 0xEE, .. Hex.FrameOf("02 00 02"), 0x72, 0x01, 0x00, .. new byte[256],
            .. Hex.FrameOf("02"), .. Hex.FrameOf("09 00 03"), .. Hex.FrameOf("02 00 04"),
        ];

        var replies = Format(device.Serve(chunk));

        Assert.Equal(
            ["82 00 01 00", "F1 00 00 11 00 00 00 01", "82 00 02 00", "F1 00 00 0D 01 00 00 80", "F1 00 00 10 00 01", "89 00 03 01", "82 00 04 00"],
            replies);
    }

    private static List<string> Format(ScriptedTransport transport) => transport.Frames.Select(frame => Hex.Format(frame)).ToList();
}
