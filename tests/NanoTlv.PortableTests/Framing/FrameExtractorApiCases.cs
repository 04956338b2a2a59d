using System;
using NanoTlv.Framing;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>Portable cases: construction, Feed's contract, Reset and the counters.</summary>
    public static class FrameExtractorApiCases
    {
        private const int MaxPayloadBytes = 32;

        /// <summary>The case names, for <see cref="Run"/>.</summary>
        public static string[] CaseNames => new string[]
        {
            nameof(ConstructorRejectsOutOfRangeMaximum),
            nameof(ConstructorKeepsConfiguration),
            nameof(FeedBeforeNeedMoreDataThrows),
            nameof(FeedRejectsBadArguments),
            nameof(EmptyChunkNeedsMoreData),
            nameof(ResetClearsStateAndCounters),
        };

        /// <summary>Runs the case called <paramref name="caseName"/>.</summary>
        /// <param name="caseName">One of <see cref="CaseNames"/>.</param>
        public static void Run(string caseName)
        {
            switch (caseName)
            {
                case nameof(ConstructorRejectsOutOfRangeMaximum): ConstructorRejectsOutOfRangeMaximum(); break;
                case nameof(ConstructorKeepsConfiguration): ConstructorKeepsConfiguration(); break;
                case nameof(FeedBeforeNeedMoreDataThrows): FeedBeforeNeedMoreDataThrows(); break;
                case nameof(FeedRejectsBadArguments): FeedRejectsBadArguments(); break;
                case nameof(EmptyChunkNeedsMoreData): EmptyChunkNeedsMoreData(); break;
                case nameof(ResetClearsStateAndCounters): ResetClearsStateAndCounters(); break;
                default: throw new ArgumentException("No case named " + caseName + ".", nameof(caseName));
            }
        }

        /// <summary>Maximums below 0 or above 65535 are refused.</summary>
        public static void ConstructorRejectsOutOfRangeMaximum()
        {
            ExpectOutOfRange(-1);
            ExpectOutOfRange(FrameFormat.MaxEncodablePayloadBytes + 1);
        }

        /// <summary>The maximum and the mode are kept; a new extractor is idle.</summary>
        public static void ConstructorKeepsConfiguration()
        {
            FrameExtractor lenient = new FrameExtractor(MaxPayloadBytes);
            Check.Equal(MaxPayloadBytes, lenient.MaxPayloadBytes, "MaxPayloadBytes");
            Check.True(!lenient.IsStrict, "one-argument constructor is lenient");
            Check.Result(FrameReadResult.NeedMoreData, lenient.Next(), "Next before any Feed");
            Check.True(new FrameExtractor(0, true).IsStrict, "strict constructor");
        }

        /// <summary>Feeding while the chunk has unread bytes throws, and the unread frames are still there.</summary>
        public static void FeedBeforeNeedMoreDataThrows()
        {
            FrameExtractor extractor = new FrameExtractor(MaxPayloadBytes);
            byte[] chunk = new TestStream().Frame(1, 1).Frame(2, 5).ToArray();
            extractor.Feed(chunk, 0, chunk.Length);
            Check.Result(FrameReadResult.Frame, extractor.Next(), "first frame");
            Check.Equal(5, extractor.PendingBytes, "PendingBytes");
            try
            {
                extractor.Feed(chunk, 0, chunk.Length);
                Check.Fail("Feed with unread bytes did not throw.");
            }
            catch (InvalidOperationException)
            {
            }

            Check.Result(FrameReadResult.Frame, extractor.Next(), "second frame after the refused Feed");
            Check.Bytes(new byte[] { 5, 6 }, extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength, "second frame");
            Check.Result(FrameReadResult.NeedMoreData, extractor.Next(), "end of chunk");
            CheckDecodesNextFrame(extractor);
        }

        /// <summary>A null chunk or a range outside it is refused and leaves the extractor working.</summary>
        public static void FeedRejectsBadArguments()
        {
            FrameExtractor extractor = new FrameExtractor(MaxPayloadBytes);
            byte[] chunk = new byte[8];
            try
            {
                extractor.Feed(null!, 0, 0);
                Check.Fail("Feed(null) did not throw.");
            }
            catch (ArgumentNullException)
            {
            }

            ExpectBadRange(extractor, chunk, -1, 1);
            ExpectBadRange(extractor, chunk, 0, -1);
            ExpectBadRange(extractor, chunk, 0, 9);
            ExpectBadRange(extractor, chunk, 8, 1);
            ExpectBadRange(extractor, chunk, 5, 4);
            Check.Equal(0L, extractor.BytesReceived, "BytesReceived after refused feeds");
            CheckDecodesNextFrame(extractor);
        }

        /// <summary>An empty chunk is legal and yields NeedMoreData, even in the middle of a frame.</summary>
        public static void EmptyChunkNeedsMoreData()
        {
            FrameExtractor extractor = new FrameExtractor(MaxPayloadBytes);
            byte[] chunk = new byte[] { 0x72, 0x00, 0x02, 0x41, 0x42 };
            extractor.Feed(chunk, 0, 0);
            Check.Result(FrameReadResult.NeedMoreData, extractor.Next(), "empty chunk");
            extractor.Feed(chunk, 0, 4);
            Check.Result(FrameReadResult.NeedMoreData, extractor.Next(), "partial frame");
            extractor.Feed(chunk, 5, 0);
            Check.Result(FrameReadResult.NeedMoreData, extractor.Next(), "empty chunk mid-frame");
            extractor.Feed(chunk, 4, 1);
            Check.Result(FrameReadResult.Frame, extractor.Next(), "rest of the frame");
            Check.Bytes(new byte[] { 0x41, 0x42 }, extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength, "payload");
        }

        /// <summary>Reset forgets a partial frame, a resync episode, a discard and every counter.</summary>
        public static void ResetClearsStateAndCounters()
        {
            FrameExtractor extractor = new FrameExtractor(MaxPayloadBytes);
            byte[] stream = new TestStream().Frame(2, 1).Garbage(3).Frame(4, 9).Oversized(MaxPayloadBytes + 10).ToArray();
            extractor.Feed(stream, 0, stream.Length - 5);
            while (extractor.Next() != FrameReadResult.NeedMoreData)
            {
            }

            Check.True(extractor.DiscardedBytes > 0, "the discard is under way before Reset");
            extractor.Reset();
            Check.Equal(0L, extractor.FramesDecoded, "FramesDecoded");
            Check.Equal(0L, extractor.BytesReceived, "BytesReceived");
            Check.Equal(0L, extractor.Resyncs, "Resyncs");
            Check.Equal(0L, extractor.SkippedBytes, "SkippedBytes");
            Check.Equal(0L, extractor.OversizedFrames, "OversizedFrames");
            Check.Equal(0L, extractor.DiscardedBytes, "DiscardedBytes");
            Check.Equal(0, extractor.LastSkippedBytes, "LastSkippedBytes");
            Check.Equal(0, extractor.LastOversizedLength, "LastOversizedLength");
            Check.Equal(0, extractor.FrameLength, "FrameLength");
            Check.Equal(0, extractor.PendingBytes, "PendingBytes");
            Check.Equal((int)FrameFault.None, (int)extractor.Fault, "Fault");

            // The rest of the discarded frame would be skipped by an extractor that was not reset.
            byte[] fresh = new TestStream().Frame(3, 7).ToArray();
            extractor.Feed(fresh, 0, fresh.Length);
            Check.Result(FrameReadResult.Frame, extractor.Next(), "first frame after Reset");
            Check.Bytes(new byte[] { 7, 8, 9 }, extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength, "payload after Reset");
            Check.Equal(0L, extractor.Resyncs, "no resync after Reset");
        }

        private static void ExpectOutOfRange(int maxPayloadBytes)
        {
            try
            {
                FrameExtractor unused = new FrameExtractor(maxPayloadBytes);
                Check.Fail("new FrameExtractor(" + maxPayloadBytes + ") did not throw; MaxPayloadBytes is " + unused.MaxPayloadBytes + ".");
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        }

        private static void ExpectBadRange(FrameExtractor extractor, byte[] chunk, int offset, int count)
        {
            try
            {
                extractor.Feed(chunk, offset, count);
                Check.Fail("Feed(chunk[" + chunk.Length + "], " + offset + ", " + count + ") did not throw.");
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        }

        private static void CheckDecodesNextFrame(FrameExtractor extractor)
        {
            byte[] frame = new byte[] { 0x72, 0x00, 0x01, 0x5A };
            extractor.Feed(frame, 0, frame.Length);
            Check.Result(FrameReadResult.Frame, extractor.Next(), "next good frame");
            Check.Bytes(new byte[] { 0x5A }, extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength, "next good frame");
        }
    }
}
