using System;
using NanoTlv.Framing;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>
    /// Portable cases: good frames come out whole, once, in order, for any chunking; whole frames are handed
    /// out in place and spanning frames are copied.
    /// </summary>
    public static class FrameExtractorChunkingCases
    {
        private const int MaxPayloadBytes = 1024;

        /// <summary>The case names, for <see cref="Run"/>.</summary>
        public static string[] CaseNames => new string[]
        {
            nameof(OneByteChunks),
            nameof(HeaderSplitAfterMarker),
            nameof(HeaderSplitAfterLengthHigh),
            nameof(ManyFramesInOneChunk),
            nameof(FrameOverThreeChunks),
            nameof(FrameOverFourChunks),
            nameof(FrameOverManyChunks),
            nameof(ZeroLengthFrameDeliveredAtOnce),
            nameof(ZeroLengthFrameAfterSplitHeader),
            nameof(WholeFrameDeliveredInPlace),
            nameof(SpanningFrameCopiedIntoOwnBuffer),
            nameof(EverySplitIntoThreeChunks),
        };

        /// <summary>Runs the case called <paramref name="caseName"/>.</summary>
        /// <param name="caseName">One of <see cref="CaseNames"/>.</param>
        public static void Run(string caseName)
        {
            switch (caseName)
            {
                case nameof(OneByteChunks): OneByteChunks(); break;
                case nameof(HeaderSplitAfterMarker): HeaderSplitAfterMarker(); break;
                case nameof(HeaderSplitAfterLengthHigh): HeaderSplitAfterLengthHigh(); break;
                case nameof(ManyFramesInOneChunk): ManyFramesInOneChunk(); break;
                case nameof(FrameOverThreeChunks): FrameOverThreeChunks(); break;
                case nameof(FrameOverFourChunks): FrameOverFourChunks(); break;
                case nameof(FrameOverManyChunks): FrameOverManyChunks(); break;
                case nameof(ZeroLengthFrameDeliveredAtOnce): ZeroLengthFrameDeliveredAtOnce(); break;
                case nameof(ZeroLengthFrameAfterSplitHeader): ZeroLengthFrameAfterSplitHeader(); break;
                case nameof(WholeFrameDeliveredInPlace): WholeFrameDeliveredInPlace(); break;
                case nameof(SpanningFrameCopiedIntoOwnBuffer): SpanningFrameCopiedIntoOwnBuffer(); break;
                case nameof(EverySplitIntoThreeChunks): EverySplitIntoThreeChunks(); break;
                default: throw new ArgumentException("No case named " + caseName + ".", nameof(caseName));
            }
        }

        /// <summary>Frames of 5, 0, 300 and 1 bytes fed one byte at a time.</summary>
        public static void OneByteChunks()
        {
            TestStream stream = new TestStream().Frame(5, 1).Frame(0, 0).Frame(300, 7).Frame(1, 9);
            ChunkFeeder feeder = Feeder();
            feeder.FeedInChunks(stream.ToArray(), 1);
            Check.Equal(stream.ExpectedEvents, feeder.Events, "events");
            feeder.CheckFramesMatch(stream);
            Check.Equal(4L, feeder.Extractor.FramesDecoded, "FramesDecoded");
            Check.Equal((long)stream.Length, feeder.Extractor.BytesReceived, "BytesReceived");
        }

        /// <summary>The first chunk holds only the marker.</summary>
        public static void HeaderSplitAfterMarker()
        {
            TestStream stream = new TestStream().Frame(4, 10).Frame(2, 20);
            ChunkFeeder feeder = Feeder();
            feeder.FeedSplitAt(stream.ToArray(), new int[] { 1 });
            Check.Equal("| F4 F2 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
        }

        /// <summary>The first chunk ends after len_hi; the length is above 255 so len_hi matters.</summary>
        public static void HeaderSplitAfterLengthHigh()
        {
            TestStream stream = new TestStream().Frame(300, 10).Frame(2, 20);
            ChunkFeeder feeder = Feeder();
            feeder.FeedSplitAt(stream.ToArray(), new int[] { 2 });
            Check.Equal("| F300 F2 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
        }

        /// <summary>Fifty frames of 0..49 bytes in one chunk all come out before NeedMoreData.</summary>
        public static void ManyFramesInOneChunk()
        {
            TestStream stream = new TestStream();
            for (int i = 0; i < 50; i++)
            {
                stream.Frame(i, i * 3);
            }

            ChunkFeeder feeder = Feeder();
            feeder.FeedInChunks(stream.ToArray(), stream.Length);
            Check.Equal(stream.ExpectedEvents + " |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
        }

        /// <summary>A 10-byte frame over three chunks, the last also holding the next frame (the Python bug).</summary>
        public static void FrameOverThreeChunks()
        {
            TestStream stream = new TestStream().Frame(10, 1).Frame(3, 50);
            ChunkFeeder feeder = Feeder();
            feeder.FeedSplitAt(stream.ToArray(), new int[] { 4, 8 });
            Check.Equal("| | F10 F3 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
        }

        /// <summary>A 10-byte frame over four chunks, the last also holding the next frame.</summary>
        public static void FrameOverFourChunks()
        {
            TestStream stream = new TestStream().Frame(10, 1).Frame(3, 50);
            ChunkFeeder feeder = Feeder();
            feeder.FeedSplitAt(stream.ToArray(), new int[] { 2, 5, 9 });
            Check.Equal("| | | F10 F3 |", feeder.Log, "log");
            feeder.CheckFramesMatch(stream);
        }

        /// <summary>A 1000-byte frame over 7-byte chunks, followed by two frames.</summary>
        public static void FrameOverManyChunks()
        {
            TestStream stream = new TestStream().Frame(1000, 3).Frame(6, 90).Frame(0, 0);
            ChunkFeeder feeder = Feeder();
            feeder.FeedInChunks(stream.ToArray(), 7);
            Check.Equal(stream.ExpectedEvents, feeder.Events, "events");
            feeder.CheckFramesMatch(stream);
        }

        /// <summary>Empty frames come out in the same Next loop as the chunk that completes them.</summary>
        public static void ZeroLengthFrameDeliveredAtOnce()
        {
            ChunkFeeder alone = Feeder();
            alone.FeedInChunks(new TestStream().Frame(0, 0).ToArray(), 3);
            Check.Equal("F0 |", alone.Log, "empty frame alone");

            ChunkFeeder last = Feeder();
            last.FeedInChunks(new TestStream().Frame(3, 1).Frame(0, 0).ToArray(), 6 + 3);
            Check.Equal("F3 F0 |", last.Log, "empty frame last in the chunk");

            ChunkFeeder several = Feeder();
            several.FeedInChunks(new TestStream().Frame(0, 0).Frame(0, 0).Frame(0, 0).ToArray(), 9);
            Check.Equal("F0 F0 F0 |", several.Log, "three empty frames");
        }

        /// <summary>An empty frame whose header is split comes out when len_lo arrives, not a chunk later.</summary>
        public static void ZeroLengthFrameAfterSplitHeader()
        {
            byte[] bytes = new TestStream().Frame(0, 0).ToArray();
            ChunkFeeder afterMarker = Feeder();
            afterMarker.FeedSplitAt(bytes, new int[] { 1 });
            Check.Equal("| F0 |", afterMarker.Log, "split after the marker");

            ChunkFeeder afterHigh = Feeder();
            afterHigh.FeedSplitAt(bytes, new int[] { 2 });
            Check.Equal("| F0 |", afterHigh.Log, "split after len_hi");
        }

        /// <summary>Frames lying whole in the chunk point into the caller's array at the right offset.</summary>
        public static void WholeFrameDeliveredInPlace()
        {
            byte[] chunk = new byte[] { 0xEE, 0xEE, 0x72, 0x00, 0x03, 0xA1, 0xA2, 0xA3, 0x72, 0x00, 0x02, 0xB1, 0xB2, 0xEE };
            FrameExtractor extractor = new FrameExtractor(MaxPayloadBytes);
            extractor.Feed(chunk, 2, 11);

            Check.Result(FrameReadResult.Frame, extractor.Next(), "first Next");
            Check.Same(chunk, extractor.FrameBuffer, "first FrameBuffer");
            Check.Equal(5, extractor.FrameOffset, "first FrameOffset");
            Check.Equal(3, extractor.FrameLength, "first FrameLength");

            Check.Result(FrameReadResult.Frame, extractor.Next(), "second Next");
            Check.Same(chunk, extractor.FrameBuffer, "second FrameBuffer");
            Check.Equal(11, extractor.FrameOffset, "second FrameOffset");
            Check.Equal(2, extractor.FrameLength, "second FrameLength");

            Check.Result(FrameReadResult.NeedMoreData, extractor.Next(), "third Next");
        }

        /// <summary>A frame spanning two chunks is copied into the extractor's own buffer at offset 0.</summary>
        public static void SpanningFrameCopiedIntoOwnBuffer()
        {
            byte[] first = new byte[] { 0x72, 0x00, 0x04, 0xC1 };
            byte[] second = new byte[] { 0xC2, 0xC3, 0xC4, 0x72, 0x00, 0x01, 0xD1 };
            FrameExtractor extractor = new FrameExtractor(MaxPayloadBytes);

            extractor.Feed(first, 0, first.Length);
            Check.Result(FrameReadResult.NeedMoreData, extractor.Next(), "Next on the first chunk");
            extractor.Feed(second, 0, second.Length);
            Check.Result(FrameReadResult.Frame, extractor.Next(), "spanning frame");
            Check.NotSame(first, extractor.FrameBuffer, "spanning FrameBuffer vs first chunk");
            Check.NotSame(second, extractor.FrameBuffer, "spanning FrameBuffer vs second chunk");
            Check.Equal(0, extractor.FrameOffset, "spanning FrameOffset");
            Check.Bytes(new byte[] { 0xC1, 0xC2, 0xC3, 0xC4 }, extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength, "spanning payload");

            Check.Result(FrameReadResult.Frame, extractor.Next(), "whole frame after it");
            Check.Same(second, extractor.FrameBuffer, "whole FrameBuffer");
            Check.Equal(6, extractor.FrameOffset, "whole FrameOffset");
            Check.Bytes(new byte[] { 0xD1 }, extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength, "whole payload");
        }

        /// <summary>A stream of frames, garbage and an oversized frame cut at every pair of offsets.</summary>
        public static void EverySplitIntoThreeChunks()
        {
            TestStream stream = new TestStream()
                .Frame(2, 1).Frame(0, 0).Garbage(3).Frame(5, 40).Oversized(9).Frame(1, 70).Frame(0, 0).Garbage(2).Frame(4, 90);
            byte[] bytes = stream.ToArray();
            for (int first = 0; first <= bytes.Length; first++)
            {
                for (int second = first; second <= bytes.Length; second++)
                {
                    ChunkFeeder feeder = new ChunkFeeder(new FrameExtractor(8));
                    feeder.FeedSplitAt(bytes, new int[] { first, second });
                    Check.Equal(stream.ExpectedEvents, feeder.Events, "events when cut at " + first + " and " + second);
                    feeder.CheckFramesMatch(stream);
                    Check.Equal((long)stream.GarbageRuns, feeder.Extractor.Resyncs, "Resyncs");
                    Check.Equal((long)stream.GarbageBytes, feeder.Extractor.SkippedBytes, "SkippedBytes");
                    Check.Equal(stream.OversizedBytes, feeder.Extractor.DiscardedBytes, "DiscardedBytes");
                }
            }
        }

        private static ChunkFeeder Feeder() => new ChunkFeeder(new FrameExtractor(MaxPayloadBytes));
    }
}
