using System;
using System.Linq;
using NanoTlv.Framing;
using NanoTlv.PortableTests.Framing;
using Xunit;

namespace NanoTlv.Tests.Framing;

/// <summary>Good frames come out whole, once, in order and as early as possible, however the stream is cut.</summary>
public class FrameExtractorSplitTests
{
    private const int MaxPayloadBytes = 1024;

    public static TheoryData<int> PayloadLengths => new() { 0, 1, 2, 3, 255, 256, 1023, MaxPayloadBytes };

    public static TheoryData<int> ChunkSizes => new() { 1, 2, 3, 4, 5, 7, 64, 536, 1460, 16384 };

    [Theory]
    [MemberData(nameof(PayloadLengths))]
    public void Two_frames_cut_at_every_offset_come_out_in_the_chunk_that_completes_them(int length)
    {
        var stream = new TestStream().Frame(length, 5).Frame(3, 9);
        var bytes = stream.ToArray();
        int firstEnd = FrameFormat.HeaderBytes + length;
        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            var feeder = Feeder();
            feeder.FeedSplitAt(bytes, [cut]);

            string expected = cut < firstEnd ? $"| F{length} F3 |"
                : cut < bytes.Length ? $"F{length} | F3 |"
                : $"F{length} F3 | |";
            Assert.Equal(expected, feeder.Log);
            feeder.CheckFramesMatch(stream);
        }
    }

    [Theory]
    [MemberData(nameof(PayloadLengths))]
    public void Header_split_after_the_marker_or_after_len_hi_decodes(int length)
    {
        var stream = new TestStream().Frame(length, 1);
        foreach (int cut in new[] { 1, 2 })
        {
            var feeder = Feeder();
            feeder.FeedSplitAt(stream.ToArray(), [cut]);
            Assert.Equal($"| F{length} |", feeder.Log);
            feeder.CheckFramesMatch(stream);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(303)]
    public void Frame_spread_over_n_chunks_is_reassembled_and_the_next_frame_in_the_last_chunk_survives(int chunks)
    {
        var stream = new TestStream().Frame(300, 11).Frame(7, 200);
        var bytes = stream.ToArray();
        int frameBytes = 303;
        int[] cuts = Enumerable.Range(1, chunks - 1).Select(i => i * frameBytes / chunks).ToArray();

        var feeder = Feeder();
        feeder.FeedSplitAt(bytes, cuts);

        Assert.Equal(string.Concat(Enumerable.Repeat("| ", chunks - 1)) + "F300 F7 |", feeder.Log);
        feeder.CheckFramesMatch(stream);
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void Mixed_stream_in_fixed_chunks_gives_every_frame_once_in_order(int chunkBytes)
    {
        var stream = MixedStream();
        var feeder = Feeder();
        feeder.FeedInChunks(stream.ToArray(), chunkBytes);

        Assert.Equal(stream.ExpectedEvents, feeder.Events);
        feeder.CheckFramesMatch(stream);
        Assert.Equal(stream.FrameCount, feeder.Extractor.FramesDecoded);
        Assert.Equal(stream.GarbageRuns, feeder.Extractor.Resyncs);
        Assert.Equal(stream.GarbageBytes, feeder.Extractor.SkippedBytes);
        Assert.Equal(stream.OversizedFrames, feeder.Extractor.OversizedFrames);
        Assert.Equal(stream.OversizedBytes, feeder.Extractor.DiscardedBytes);
        Assert.Equal(stream.Length, feeder.Extractor.BytesReceived);
    }

    [Fact]
    public void Mixed_stream_cut_once_at_every_offset_gives_the_same_events()
    {
        var stream = MixedStream();
        var bytes = stream.ToArray();
        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            var feeder = Feeder();
            feeder.FeedSplitAt(bytes, [cut]);
            Assert.Equal(stream.ExpectedEvents, feeder.Events);
            feeder.CheckFramesMatch(stream);
        }
    }

    [Fact]
    public void Many_frames_in_one_chunk_all_come_out_before_NeedMoreData()
    {
        var stream = new TestStream();
        for (int i = 0; i < 500; i++)
        {
            stream.Frame(i % 40, i);
        }

        var feeder = Feeder();
        feeder.FeedChunk(stream.ToArray(), 0, stream.Length);

        Assert.Equal(stream.ExpectedEvents + " |", feeder.Log);
        feeder.CheckFramesMatch(stream);
    }

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void A_payload_whole_in_the_chunk_is_delivered_in_place_and_only_a_spanning_one_is_copied(int chunkBytes)
    {
        var stream = MixedStream();
        var bytes = stream.ToArray();
        var extractor = new FrameExtractor(MaxPayloadBytes);
        int frame = 0;

        for (int chunkStart = 0; chunkStart < bytes.Length; chunkStart += chunkBytes)
        {
            extractor.Feed(bytes, chunkStart, Math.Min(chunkBytes, bytes.Length - chunkStart));
            FrameReadResult result;
            while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
            {
                if (result != FrameReadResult.Frame)
                {
                    continue;
                }

                int payloadStart = stream.PayloadOffset(frame);
                if (payloadStart >= chunkStart)
                {
                    Assert.Same(bytes, extractor.FrameBuffer);
                    Assert.Equal(payloadStart, extractor.FrameOffset);
                }
                else
                {
                    Assert.NotSame(bytes, extractor.FrameBuffer);
                    Assert.Equal(0, extractor.FrameOffset);
                }

                Assert.Equal(stream.Payload(frame), extractor.FrameBuffer.AsSpan(extractor.FrameOffset, extractor.FrameLength).ToArray());
                frame++;
            }
        }

        Assert.Equal(stream.FrameCount, frame);
    }

    /// <summary>Frames of boundary lengths with garbage and oversized frames between them (maximum 1024).</summary>
    internal static TestStream MixedStream() => new TestStream()
        .Frame(0, 0).Frame(1, 1).Garbage(7).Frame(MaxPayloadBytes, 2).Oversized(MaxPayloadBytes + 1)
        .Frame(255, 3).Frame(0, 0).Garbage(1).Frame(256, 4).Oversized(5000).Garbage(40).Frame(3, 5)
        .FrameOf(TestStream.Filled(20, FrameFormat.Marker)).Frame(0, 0);

    private static ChunkFeeder Feeder() => new(new FrameExtractor(MaxPayloadBytes));
}
