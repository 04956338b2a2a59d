using System;
using NanoTlv.Framing;
using NanoTlv.PortableTests.Framing;
using Xunit;

namespace NanoTlv.Tests.Framing;

/// <summary>Construction, Feed's argument and call-order checks, Reset.</summary>
public class FrameExtractorApiTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(FrameFormat.MaxEncodablePayloadBytes)]
    public void Constructor_accepts_0_to_65535(int maxPayloadBytes)
    {
        var extractor = new FrameExtractor(maxPayloadBytes);
        Assert.Equal(maxPayloadBytes, extractor.MaxPayloadBytes);
        Assert.False(extractor.IsStrict);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(FrameFormat.MaxEncodablePayloadBytes + 1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Constructor_rejects_a_maximum_outside_0_to_65535(int maxPayloadBytes)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FrameExtractor(maxPayloadBytes, strict: true));
        Assert.Equal("maxPayloadBytes", error.ParamName);
        Assert.Contains("65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_rejects_a_null_chunk()
    {
        var extractor = new FrameExtractor(16);
        var error = Assert.Throws<ArgumentNullException>(() => extractor.Feed(null!, 0, 0));
        Assert.Equal("chunk", error.ParamName);
        AssertDecodesNextFrame(extractor);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 9)]
    [InlineData(9, 0)]
    [InlineData(4, 5)]
    [InlineData(int.MaxValue, 1)]
    [InlineData(1, int.MaxValue)]
    public void Feed_rejects_a_range_outside_the_chunk(int offset, int count)
    {
        var extractor = new FrameExtractor(16);
        Assert.Throws<ArgumentOutOfRangeException>(() => extractor.Feed(new byte[8], offset, count));
        Assert.Equal(0, extractor.BytesReceived);
        AssertDecodesNextFrame(extractor);
    }

    [Theory]
    [InlineData(FrameReadResult.Frame)]
    [InlineData(FrameReadResult.Resynchronized)]
    [InlineData(FrameReadResult.FrameTooLarge)]
    public void Feed_before_NeedMoreData_throws_and_loses_nothing(FrameReadResult firstEvent)
    {
        var stream = firstEvent switch
        {
            FrameReadResult.Frame => new TestStream().Frame(1, 1),
            FrameReadResult.Resynchronized => new TestStream().Garbage(2),
            _ => new TestStream().Oversized(17),
        };
        stream.Frame(2, 5);
        var bytes = stream.ToArray();
        var extractor = new FrameExtractor(16);
        extractor.Feed(bytes, 0, bytes.Length);
        Assert.Equal(firstEvent, extractor.Next());

        var error = Assert.Throws<InvalidOperationException>(() => extractor.Feed(bytes, 0, bytes.Length));
        Assert.Contains("NeedMoreData", error.Message, StringComparison.Ordinal);

        Assert.Equal(FrameReadResult.Frame, extractor.Next());
        Assert.Equal(new byte[] { 5, 6 }, extractor.FrameBuffer.AsSpan(extractor.FrameOffset, extractor.FrameLength).ToArray());
        Assert.Equal(FrameReadResult.NeedMoreData, extractor.Next());
        Assert.Equal(bytes.Length, extractor.BytesReceived);
    }

    [Fact]
    public void Reset_mid_frame_forgets_the_partial_frame_and_every_counter()
    {
        var extractor = new FrameExtractor(16);
        var bytes = new TestStream().Garbage(3).Frame(2, 1).Oversized(20).Frame(10, 1).ToArray();
        extractor.Feed(bytes, 0, bytes.Length - 4);
        while (extractor.Next() != FrameReadResult.NeedMoreData)
        {
        }

        extractor.Reset();

        Assert.Equal(
            (0L, 0L, 0L, 0L, 0L, 0L, 0, 0, 0, 0, 0, FrameFault.None),
            (extractor.FramesDecoded, extractor.BytesReceived, extractor.Resyncs, extractor.SkippedBytes,
             extractor.OversizedFrames, extractor.DiscardedBytes, extractor.LastSkippedBytes, extractor.LastOversizedLength,
             extractor.FrameLength, extractor.FrameOffset, extractor.PendingBytes, extractor.Fault));
        AssertDecodesNextFrame(extractor);
        Assert.Equal(0, extractor.Resyncs);
    }

    private static void AssertDecodesNextFrame(FrameExtractor extractor)
    {
        byte[] frame = [FrameFormat.Marker, 0x00, 0x02, 0xAB, 0xCD];
        extractor.Feed(frame, 0, frame.Length);
        Assert.Equal(FrameReadResult.Frame, extractor.Next());
        Assert.Equal(new byte[] { 0xAB, 0xCD }, extractor.FrameBuffer.AsSpan(extractor.FrameOffset, extractor.FrameLength).ToArray());
        Assert.Equal(FrameReadResult.NeedMoreData, extractor.Next());
    }
}
