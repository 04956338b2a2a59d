using System;
using NanoTlv.Framing;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>
    /// Portable cases: garbage is skipped to the next marker, reported once per episode with the bytes it
    /// skipped, counted, and never costs a good frame before or after it.
    /// </summary>
    public static class FrameExtractorGarbageCases
    {
        private const int MaxPayloadBytes = 64;

        /// <summary>The case names, for <see cref="Run"/>.</summary>
        public static string[] CaseNames => new string[]
        {
            nameof(GarbageBeforeFirstFrame),
            nameof(GarbageBetweenFrames),
            nameof(GarbageAfterLastFrame),
            nameof(GarbageEpisodeSpanningChunks),
            nameof(GarbageThenFrameInSameChunk),
            nameof(FramesBeforeGarbageInSameChunkKept),
            nameof(GarbageThenHeaderSplitAcrossChunks),
            nameof(EachEpisodeCountedOnce),
            nameof(PayloadFullOfMarkers),
        };

        /// <summary>Runs the case called <paramref name="caseName"/>.</summary>
        /// <param name="caseName">One of <see cref="CaseNames"/>.</param>
        public static void Run(string caseName)
        {
            switch (caseName)
            {
                case nameof(GarbageBeforeFirstFrame): GarbageBeforeFirstFrame(); break;
                case nameof(GarbageBetweenFrames): GarbageBetweenFrames(); break;
                case nameof(GarbageAfterLastFrame): GarbageAfterLastFrame(); break;
                case nameof(GarbageEpisodeSpanningChunks): GarbageEpisodeSpanningChunks(); break;
                case nameof(GarbageThenFrameInSameChunk): GarbageThenFrameInSameChunk(); break;
                case nameof(FramesBeforeGarbageInSameChunkKept): FramesBeforeGarbageInSameChunkKept(); break;
                case nameof(GarbageThenHeaderSplitAcrossChunks): GarbageThenHeaderSplitAcrossChunks(); break;
                case nameof(EachEpisodeCountedOnce): EachEpisodeCountedOnce(); break;
                case nameof(PayloadFullOfMarkers): PayloadFullOfMarkers(); break;
                default: throw new ArgumentException("No case named " + caseName + ".", nameof(caseName));
            }
        }

        /// <summary>Five bytes of garbage before the first frame: one episode of 5.</summary>
        public static void GarbageBeforeFirstFrame()
        {
            TestStream stream = new TestStream().Garbage(5).Frame(3, 1);
            ChunkFeeder feeder = FeedWhole(stream);
            Check.Equal("R5 F3 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
            CheckCounters(feeder.Extractor, 1, 5);
            Check.Equal(5, feeder.Extractor.LastSkippedBytes, "LastSkippedBytes");
        }

        /// <summary>Garbage between two frames costs neither.</summary>
        public static void GarbageBetweenFrames()
        {
            TestStream stream = new TestStream().Frame(2, 1).Garbage(4).Frame(3, 9);
            ChunkFeeder feeder = FeedWhole(stream);
            Check.Equal("F2 R4 F3 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
            CheckCounters(feeder.Extractor, 1, 4);
        }

        /// <summary>Trailing garbage is counted at once and reported when the next frame's marker arrives.</summary>
        public static void GarbageAfterLastFrame()
        {
            TestStream stream = new TestStream().Frame(2, 1).Garbage(4);
            ChunkFeeder feeder = FeedWhole(stream);
            Check.Equal("F2 |", feeder.Log, "log before the next frame");
            CheckCounters(feeder.Extractor, 1, 4);

            feeder.FeedChunk(new TestStream().Frame(1, 5).ToArray(), 0, 4);
            Check.Equal("F2 | R4 F1 |", feeder.Log, "log after the next frame");
            Check.Equal(4, feeder.Extractor.LastSkippedBytes, "LastSkippedBytes");
            CheckCounters(feeder.Extractor, 1, 4);
        }

        /// <summary>Ten garbage bytes over four chunks are one episode of 10.</summary>
        public static void GarbageEpisodeSpanningChunks()
        {
            TestStream stream = new TestStream().Frame(1, 1).Garbage(10).Frame(2, 3);
            ChunkFeeder feeder = Feeder();
            feeder.FeedSplitAt(stream.ToArray(), new int[] { 6, 9, 12 });
            Check.Equal("F1 | | | R10 F2 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
            CheckCounters(feeder.Extractor, 1, 10);
            Check.Equal(10, feeder.Extractor.LastSkippedBytes, "LastSkippedBytes");
        }

        /// <summary>A frame right behind garbage in the same chunk is not thrown away with it.</summary>
        public static void GarbageThenFrameInSameChunk()
        {
            TestStream stream = new TestStream().Garbage(3).Frame(2, 7).Frame(1, 9);
            ChunkFeeder feeder = FeedWhole(stream);
            Check.Equal("R3 F2 F1 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
        }

        /// <summary>Frames extracted before garbage in the same chunk stay delivered, and the frame after it too.</summary>
        public static void FramesBeforeGarbageInSameChunkKept()
        {
            TestStream stream = new TestStream().Frame(2, 1).Frame(3, 4).Garbage(5).Frame(1, 9);
            ChunkFeeder feeder = FeedWhole(stream);
            Check.Equal("F2 F3 R5 F1 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
            Check.Equal(3L, feeder.Extractor.FramesDecoded, "FramesDecoded");
        }

        /// <summary>Garbage ends with a marker at the end of the chunk; the header completes in the next.</summary>
        public static void GarbageThenHeaderSplitAcrossChunks()
        {
            TestStream stream = new TestStream().Garbage(4).Frame(2, 1);
            ChunkFeeder feeder = Feeder();
            feeder.FeedSplitAt(stream.ToArray(), new int[] { 5 });
            Check.Equal("R4 | F2 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
        }

        /// <summary>Two separate runs of garbage are two episodes; the counters add up.</summary>
        public static void EachEpisodeCountedOnce()
        {
            TestStream stream = new TestStream().Garbage(2).Frame(1, 1).Garbage(3).Frame(0, 0).Frame(1, 2);
            ChunkFeeder feeder = Feeder();
            feeder.FeedInChunks(stream.ToArray(), 1);
            Check.Equal(stream.ExpectedEvents, feeder.Events, "events");
            Check.Equal("R2 F1 R3 F0 F1", feeder.Events, "events spelled out");
            feeder.CheckFramesMatch(stream);
            CheckCounters(feeder.Extractor, 2, 5);
        }

        /// <summary>Payloads made of marker bytes are taken by length, never mistaken for headers.</summary>
        public static void PayloadFullOfMarkers()
        {
            TestStream stream = new TestStream()
                .FrameOf(TestStream.Filled(3, FrameFormat.Marker))
                .FrameOf(new byte[] { 0x72, 0x00, 0x00 })
                .FrameOf(TestStream.Filled(40, FrameFormat.Marker))
                .Frame(1, 0x72);
            for (int chunkBytes = 1; chunkBytes <= stream.Length; chunkBytes++)
            {
                ChunkFeeder feeder = Feeder();
                feeder.FeedInChunks(stream.ToArray(), chunkBytes);
                Check.Equal("F3 F3 F40 F1", feeder.Events, "events in chunks of " + chunkBytes);
                feeder.CheckFramesMatch(stream);
                CheckCounters(feeder.Extractor, 0, 0);
            }
        }

        private static void CheckCounters(FrameExtractor extractor, int resyncs, int skippedBytes)
        {
            Check.Equal((long)resyncs, extractor.Resyncs, "Resyncs");
            Check.Equal((long)skippedBytes, extractor.SkippedBytes, "SkippedBytes");
        }

        private static ChunkFeeder FeedWhole(TestStream stream)
        {
            ChunkFeeder feeder = Feeder();
            feeder.FeedInChunks(stream.ToArray(), stream.Length);
            return feeder;
        }

        private static ChunkFeeder Feeder() => new ChunkFeeder(new FrameExtractor(MaxPayloadBytes));
    }
}
