using System;
using System.Linq;
using NanoTlv.Framing;
using NanoTlv.PortableTests.Framing;
using Xunit;

namespace NanoTlv.Tests.Framing;

/// <summary>Garbage and oversized frames are skipped, reported and counted; the good frames around them survive.</summary>
public class FrameExtractorRecoveryTests
{
    private const int MaxPayloadBytes = 64;

    public static TheoryData<int, int> GarbageByChunk => Cross([1, 2, 5, 63, 200], [1, 2, 3, 7, 64, 1460]);

    public static TheoryData<int, int> OversizeByChunk => Cross([MaxPayloadBytes + 1, 300, FrameFormat.MaxEncodablePayloadBytes], [1, 7, 536, 1460, 70000]);

    [Theory]
    [MemberData(nameof(GarbageByChunk))]
    public void Garbage_between_frames_is_one_episode_with_its_exact_length_and_the_next_frame_decodes(int garbageBytes, int chunkBytes)
    {
        var stream = new TestStream().Frame(5, 1).Garbage(garbageBytes).Frame(MaxPayloadBytes, 2).Frame(0, 0);
        var feeder = Feeder();
        feeder.FeedInChunks(stream.ToArray(), chunkBytes);

        Assert.Equal($"F5 R{garbageBytes} F{MaxPayloadBytes} F0", feeder.Events);
        feeder.CheckFramesMatch(stream);
        Assert.Equal(1, feeder.Extractor.Resyncs);
        Assert.Equal(garbageBytes, feeder.Extractor.SkippedBytes);
        Assert.Equal(garbageBytes, feeder.Extractor.LastSkippedBytes);
    }

    [Theory]
    [MemberData(nameof(GarbageByChunk))]
    public void Garbage_before_the_first_frame_and_after_the_last_is_counted(int garbageBytes, int chunkBytes)
    {
        var stream = new TestStream().Garbage(garbageBytes).Frame(3, 1).Garbage(garbageBytes);
        var feeder = Feeder();
        feeder.FeedInChunks(stream.ToArray(), chunkBytes);

        Assert.Equal($"R{garbageBytes} F3", feeder.Events);
        Assert.Equal(2, feeder.Extractor.Resyncs);
        Assert.Equal(2 * garbageBytes, feeder.Extractor.SkippedBytes);

        feeder.FeedChunk(new TestStream().Frame(1, 7).ToArray(), 0, 4);
        Assert.Equal($"R{garbageBytes} F3 R{garbageBytes} F1", feeder.Events);
        Assert.Equal(2, feeder.Extractor.Resyncs);
    }

    [Fact]
    public void Frames_before_and_after_garbage_in_one_chunk_are_all_delivered()
    {
        var stream = new TestStream().Frame(2, 1).Frame(0, 0).Frame(9, 3).Garbage(11).Frame(4, 4).Garbage(2).Frame(1, 5);
        var feeder = Feeder();
        feeder.FeedChunk(stream.ToArray(), 0, stream.Length);

        Assert.Equal("F2 F0 F9 R11 F4 R2 F1 |", feeder.Log);
        feeder.CheckFramesMatch(stream);
    }

    [Theory]
    [MemberData(nameof(OversizeByChunk))]
    public void Oversized_frame_is_discarded_by_exactly_its_length_and_the_next_frame_decodes(int announced, int chunkBytes)
    {
        var stream = new TestStream().Frame(3, 1).Oversized(announced).Frame(MaxPayloadBytes, 2).Frame(0, 0);
        var feeder = Feeder();
        feeder.FeedInChunks(stream.ToArray(), chunkBytes);

        Assert.Equal($"F3 T{announced} F{MaxPayloadBytes} F0", feeder.Events);
        feeder.CheckFramesMatch(stream);
        Assert.Equal(1, feeder.Extractor.OversizedFrames);
        Assert.Equal(announced, feeder.Extractor.DiscardedBytes);
        Assert.Equal(announced, feeder.Extractor.LastOversizedLength);
        Assert.Equal(0, feeder.Extractor.Resyncs);
    }

    [Theory]
    [InlineData(MaxPayloadBytes + 1)]
    [InlineData(FrameFormat.MaxEncodablePayloadBytes)]
    public void Oversized_frame_is_reported_on_its_header_and_discarded_as_it_streams_in(int announced)
    {
        var extractor = new FrameExtractor(MaxPayloadBytes);
        byte[] header = [FrameFormat.Marker, (byte)(announced >> 8), (byte)announced];
        extractor.Feed(header, 0, header.Length);
        Assert.Equal(FrameReadResult.FrameTooLarge, extractor.Next());
        Assert.Equal(FrameReadResult.NeedMoreData, extractor.Next());

        var filler = Enumerable.Repeat(FrameFormat.Marker, announced).ToArray();
        const int ChunkBytes = 10;
        for (int fed = 0; fed < announced; fed += ChunkBytes)
        {
            int count = Math.Min(ChunkBytes, announced - fed);
            extractor.Feed(filler, fed, count);
            Assert.Equal(FrameReadResult.NeedMoreData, extractor.Next());
            Assert.Equal(fed + count, extractor.DiscardedBytes);
        }

        byte[] next = [FrameFormat.Marker, 0x00, 0x01, 0x42];
        extractor.Feed(next, 0, next.Length);
        Assert.Equal(FrameReadResult.Frame, extractor.Next());
        Assert.Equal(0x42, extractor.FrameBuffer[extractor.FrameOffset]);
        Assert.Equal(announced, extractor.DiscardedBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(FrameFormat.MaxEncodablePayloadBytes - 1)]
    public void Frame_at_the_limit_is_accepted_and_one_more_byte_is_rejected(int maxPayloadBytes)
    {
        var stream = new TestStream().Frame(maxPayloadBytes, 1).Oversized(maxPayloadBytes + 1).Frame(maxPayloadBytes, 2);
        foreach (int chunkBytes in new[] { 1460, stream.Length })
        {
            var feeder = new ChunkFeeder(new FrameExtractor(maxPayloadBytes));
            feeder.FeedInChunks(stream.ToArray(), chunkBytes);
            Assert.Equal($"F{maxPayloadBytes} T{maxPayloadBytes + 1} F{maxPayloadBytes}", feeder.Events);
            feeder.CheckFramesMatch(stream);
        }
    }

    [Fact]
    public void Largest_encodable_frame_is_accepted_by_an_extractor_at_the_encodable_limit()
    {
        var stream = new TestStream().Frame(FrameFormat.MaxEncodablePayloadBytes, 3).Frame(1, 4);
        var feeder = new ChunkFeeder(new FrameExtractor(FrameFormat.MaxEncodablePayloadBytes));
        feeder.FeedInChunks(stream.ToArray(), 1460);
        Assert.Equal("F65535 F1", feeder.Events);
        feeder.CheckFramesMatch(stream);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16384)]
    public void Payloads_full_of_markers_are_taken_by_length(int chunkBytes)
    {
        var stream = new TestStream();
        for (int length = 0; length <= 10; length++)
        {
            stream.FrameOf(TestStream.Filled(length, FrameFormat.Marker));
        }

        stream.FrameOf([0x72, 0x00, 0x00, 0x72, 0x00, 0x01, 0x72]);
        var feeder = Feeder();
        feeder.FeedInChunks(stream.ToArray(), chunkBytes);

        Assert.Equal(stream.ExpectedEvents, feeder.Events);
        feeder.CheckFramesMatch(stream);
        Assert.Equal(0, feeder.Extractor.Resyncs);
    }

    private static TheoryData<int, int> Cross(int[] first, int[] second)
    {
        var data = new TheoryData<int, int>();
        foreach (int a in first)
        {
            foreach (int b in second)
            {
                data.Add(a, b);
            }
        }

        return data;
    }

    private static ChunkFeeder Feeder() => new(new FrameExtractor(MaxPayloadBytes));
}
