using System;
using System.Linq;
using CsCheck;
using NanoTlv.Framing;
using NanoTlv.PortableTests.Framing;
using Xunit;

namespace NanoTlv.Tests.Framing;

/// <summary>Random streams of frames, garbage and oversized frames, cut into random chunks.</summary>
public class FrameExtractorPropertyTests
{
    private const int Iterations = 400;

    [Fact]
    public void Every_good_frame_comes_out_once_in_order_with_identical_bytes_and_the_counters_match()
    {
        StreamScenario.Gen.Sample(
            scenario =>
            {
                var stream = scenario.Build();
                var bytes = stream.ToArray();
                var feeder = new ChunkFeeder(new FrameExtractor(scenario.MaxPayloadBytes));
                scenario.FeedInChunks(feeder, bytes);

                Assert.Equal(stream.ExpectedEvents, feeder.Events);
                feeder.CheckFramesMatch(stream);
                var extractor = feeder.Extractor;
                Assert.Equal(stream.FrameCount, extractor.FramesDecoded);
                Assert.Equal(stream.GarbageRuns, extractor.Resyncs);
                Assert.Equal(stream.GarbageBytes, extractor.SkippedBytes);
                Assert.Equal(stream.OversizedFrames, extractor.OversizedFrames);
                Assert.Equal(stream.OversizedBytes, extractor.DiscardedBytes);
                Assert.Equal(bytes.Length, extractor.BytesReceived);
                Assert.Equal(0, extractor.PendingBytes);
            },
            iter: Iterations);
    }

    [Fact]
    public void Strict_extractor_delivers_the_frames_before_the_first_violation_then_faults_with_its_reason()
    {
        StreamScenario.Gen.Sample(
            scenario =>
            {
                var feeder = new ChunkFeeder(new FrameExtractor(scenario.MaxPayloadBytes, strict: true));
                scenario.FeedInChunks(feeder, scenario.Build().ToArray());

                Assert.Equal(scenario.ExpectedStrictEvents(), feeder.Events);
                Assert.Equal(0, feeder.Extractor.SkippedBytes);
                Assert.Equal(0, feeder.Extractor.DiscardedBytes);
            },
            iter: Iterations);
    }

    [Fact]
    public void Frames_written_by_FrameWriter_round_trip_through_the_extractor_in_any_chunking()
    {
        var payloads = Gen.Byte.Array[0, 300].Array[0, 20];
        var chunkSize = Gen.Int[1, 1500];
        Gen.Select(payloads, chunkSize).Sample(
            (frames, chunkBytes) =>
            {
                var wire = new byte[frames.Sum(p => p.Length + FrameFormat.HeaderBytes)];
                int offset = 0;
                foreach (var payload in frames)
                {
                    offset += FrameWriter.Write(payload, 0, payload.Length, wire, offset);
                }

                var feeder = new ChunkFeeder(new FrameExtractor(300));
                feeder.FeedInChunks(wire, chunkBytes);

                Assert.Equal(frames.Length, feeder.FrameCount);
                for (int i = 0; i < frames.Length; i++)
                {
                    Assert.Equal(frames[i], feeder.Frame(i));
                }
            },
            iter: Iterations);
    }
}
