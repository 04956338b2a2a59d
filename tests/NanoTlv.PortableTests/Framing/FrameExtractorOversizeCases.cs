using System;
using NanoTlv.Framing;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>
    /// Portable cases: the size limit. A frame at the limit is accepted; a longer one is reported as soon as
    /// its header is read and exactly its announced bytes are discarded as they stream in, never buffered.
    /// </summary>
    public static class FrameExtractorOversizeCases
    {
        private const int MaxPayloadBytes = 16;

        /// <summary>The case names, for <see cref="Run"/>.</summary>
        public static string[] CaseNames => new string[]
        {
            nameof(FrameAtLimitAccepted),
            nameof(FrameOneOverLimitRejected),
            nameof(OversizedReportedOnHeader),
            nameof(OversizedDiscardedAcrossChunks),
            nameof(OversizedFollowedByGarbage),
            nameof(ZeroLimitAcceptsOnlyEmptyFrames),
        };

        /// <summary>Runs the case called <paramref name="caseName"/>.</summary>
        /// <param name="caseName">One of <see cref="CaseNames"/>.</param>
        public static void Run(string caseName)
        {
            switch (caseName)
            {
                case nameof(FrameAtLimitAccepted): FrameAtLimitAccepted(); break;
                case nameof(FrameOneOverLimitRejected): FrameOneOverLimitRejected(); break;
                case nameof(OversizedReportedOnHeader): OversizedReportedOnHeader(); break;
                case nameof(OversizedDiscardedAcrossChunks): OversizedDiscardedAcrossChunks(); break;
                case nameof(OversizedFollowedByGarbage): OversizedFollowedByGarbage(); break;
                case nameof(ZeroLimitAcceptsOnlyEmptyFrames): ZeroLimitAcceptsOnlyEmptyFrames(); break;
                default: throw new ArgumentException("No case named " + caseName + ".", nameof(caseName));
            }
        }

        /// <summary>A payload of exactly the maximum, whole and spanning chunks (filling the own buffer).</summary>
        public static void FrameAtLimitAccepted()
        {
            TestStream stream = new TestStream().Frame(MaxPayloadBytes, 1).Frame(1, 2);
            for (int chunkBytes = 1; chunkBytes <= stream.Length; chunkBytes++)
            {
                ChunkFeeder feeder = Feeder();
                feeder.FeedInChunks(stream.ToArray(), chunkBytes);
                Check.Equal("F16 F1", feeder.Events, "events in chunks of " + chunkBytes);
                feeder.CheckFramesMatch(stream);
                Check.Equal(0L, feeder.Extractor.OversizedFrames, "OversizedFrames");
            }
        }

        /// <summary>One byte over the maximum is rejected; the next frame decodes.</summary>
        public static void FrameOneOverLimitRejected()
        {
            TestStream stream = new TestStream().Oversized(MaxPayloadBytes + 1).Frame(2, 5);
            ChunkFeeder feeder = Feeder();
            feeder.FeedInChunks(stream.ToArray(), stream.Length);
            Check.Equal("T17 F2 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
            Check.Equal(1L, feeder.Extractor.OversizedFrames, "OversizedFrames");
            Check.Equal(17L, feeder.Extractor.DiscardedBytes, "DiscardedBytes");
            Check.Equal(17, feeder.Extractor.LastOversizedLength, "LastOversizedLength");
        }

        /// <summary>FrameTooLarge comes with the header, before any of the announced bytes arrive.</summary>
        public static void OversizedReportedOnHeader()
        {
            FrameExtractor extractor = new FrameExtractor(MaxPayloadBytes);
            byte[] header = new byte[] { 0x72, 0x01, 0x00 };
            extractor.Feed(header, 0, header.Length);
            Check.Result(FrameReadResult.FrameTooLarge, extractor.Next(), "Next on the header alone");
            Check.Equal(256, extractor.LastOversizedLength, "LastOversizedLength");
            Check.Result(FrameReadResult.NeedMoreData, extractor.Next(), "Next after the report");
            Check.Equal(0L, extractor.DiscardedBytes, "DiscardedBytes before the payload arrives");
        }

        /// <summary>A 300-byte oversized frame of marker bytes, in 7-byte chunks: exactly 300 discarded, nothing scanned.</summary>
        public static void OversizedDiscardedAcrossChunks()
        {
            TestStream stream = new TestStream().Frame(3, 1).Oversized(300).Frame(5, 9).Oversized(MaxPayloadBytes + 1).Frame(0, 0);
            ChunkFeeder feeder = Feeder();
            feeder.FeedInChunks(stream.ToArray(), 7);
            Check.Equal("F3 T300 F5 T17 F0", feeder.Events, "events");
            feeder.CheckFramesMatch(stream);
            Check.Equal(2L, feeder.Extractor.OversizedFrames, "OversizedFrames");
            Check.Equal(317L, feeder.Extractor.DiscardedBytes, "DiscardedBytes");
            Check.Equal(0L, feeder.Extractor.Resyncs, "Resyncs");
        }

        /// <summary>Garbage right after a discarded frame is its own resync episode.</summary>
        public static void OversizedFollowedByGarbage()
        {
            TestStream stream = new TestStream().Oversized(40).Garbage(3).Frame(2, 1);
            ChunkFeeder feeder = Feeder();
            feeder.FeedInChunks(stream.ToArray(), 5);
            Check.Equal("T40 R3 F2", feeder.Events, "events");
            feeder.CheckFramesMatch(stream);
            Check.Equal(40L, feeder.Extractor.DiscardedBytes, "DiscardedBytes");
            Check.Equal(3L, feeder.Extractor.SkippedBytes, "SkippedBytes");
        }

        /// <summary>With a maximum of 0 only empty frames pass.</summary>
        public static void ZeroLimitAcceptsOnlyEmptyFrames()
        {
            TestStream stream = new TestStream().Frame(0, 0).Oversized(1).Frame(0, 0);
            ChunkFeeder feeder = new ChunkFeeder(new FrameExtractor(0));
            feeder.FeedInChunks(stream.ToArray(), 1);
            Check.Equal("F0 T1 F0", feeder.Events, "events");
        }

        private static ChunkFeeder Feeder() => new ChunkFeeder(new FrameExtractor(MaxPayloadBytes));
    }
}
