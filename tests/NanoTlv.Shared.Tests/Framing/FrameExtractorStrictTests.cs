using NanoTlv.Framing;
using NanoTlv.PortableTests.Framing;
using Xunit;

namespace NanoTlv.Tests.Framing;

/// <summary>A strict extractor faults on the first violation, with the right reason, until Reset.</summary>
public class FrameExtractorStrictTests
{
    private const int MaxPayloadBytes = 32;

    public static TheoryData<int> ChunkSizes => new() { 1, 2, 3, 7, 1460 };

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void First_garbage_byte_faults_with_UnexpectedByte_after_the_frames_before_it(int chunkBytes)
    {
        var stream = new TestStream().Frame(3, 1).Frame(0, 0).Garbage(5).Frame(2, 2);
        var feeder = StrictFeeder();
        feeder.FeedInChunks(stream.ToArray(), chunkBytes);

        Assert.Equal("F3 F0 X1", feeder.Events);
        Assert.Equal(FrameFault.UnexpectedByte, feeder.Extractor.Fault);
        Assert.Equal(0, feeder.Extractor.SkippedBytes);
        AssertStaysFaultedThenRecovers(feeder.Extractor);
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void Oversized_header_faults_with_FrameTooLarge(int chunkBytes)
    {
        var stream = new TestStream().Frame(MaxPayloadBytes, 1).Oversized(MaxPayloadBytes + 1).Frame(1, 2);
        var feeder = StrictFeeder();
        feeder.FeedInChunks(stream.ToArray(), chunkBytes);

        Assert.Equal($"F{MaxPayloadBytes} X2", feeder.Events);
        Assert.Equal(FrameFault.FrameTooLarge, feeder.Extractor.Fault);
        Assert.Equal(MaxPayloadBytes + 1, feeder.Extractor.LastOversizedLength);
        Assert.Equal(0, feeder.Extractor.DiscardedBytes);
        AssertStaysFaultedThenRecovers(feeder.Extractor);
    }

    private static void AssertStaysFaultedThenRecovers(FrameExtractor extractor)
    {
        long frames = extractor.FramesDecoded;
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(FrameReadResult.Faulted, extractor.Next());
        }

        Assert.Equal(frames, extractor.FramesDecoded);
        extractor.Reset();
        Assert.Equal(FrameFault.None, extractor.Fault);

        var feeder = new ChunkFeeder(extractor);
        var next = new TestStream().Frame(4, 9);
        feeder.FeedInChunks(next.ToArray(), 2);
        Assert.Equal("F4", feeder.Events);
        feeder.CheckFramesMatch(next);
    }

    private static ChunkFeeder StrictFeeder() => new(new FrameExtractor(MaxPayloadBytes, strict: true));
}
