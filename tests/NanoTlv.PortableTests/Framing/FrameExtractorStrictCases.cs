using System;
using NanoTlv.Framing;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>Portable cases: strict mode faults on the first violation and stays faulted until Reset.</summary>
    public static class FrameExtractorStrictCases
    {
        private const int MaxPayloadBytes = 8;

        /// <summary>The case names, for <see cref="Run"/>.</summary>
        public static string[] CaseNames => new string[]
        {
            nameof(StrictDecodesCleanStream),
            nameof(StrictFaultsOnFirstGarbageByte),
            nameof(StrictFaultsOnOversizedFrame),
            nameof(StrictStaysFaultedUntilReset),
        };

        /// <summary>Runs the case called <paramref name="caseName"/>.</summary>
        /// <param name="caseName">One of <see cref="CaseNames"/>.</param>
        public static void Run(string caseName)
        {
            switch (caseName)
            {
                case nameof(StrictDecodesCleanStream): StrictDecodesCleanStream(); break;
                case nameof(StrictFaultsOnFirstGarbageByte): StrictFaultsOnFirstGarbageByte(); break;
                case nameof(StrictFaultsOnOversizedFrame): StrictFaultsOnOversizedFrame(); break;
                case nameof(StrictStaysFaultedUntilReset): StrictStaysFaultedUntilReset(); break;
                default: throw new ArgumentException("No case named " + caseName + ".", nameof(caseName));
            }
        }

        /// <summary>A clean stream in 1-byte chunks decodes in strict mode too.</summary>
        public static void StrictDecodesCleanStream()
        {
            TestStream stream = new TestStream().Frame(8, 1).Frame(0, 0).Frame(3, 5);
            ChunkFeeder feeder = StrictFeeder();
            feeder.FeedInChunks(stream.ToArray(), 1);
            Check.Equal("F8 F0 F3", feeder.Events, "events");
            feeder.CheckFramesMatch(stream);
            Check.True(feeder.Extractor.IsStrict, "IsStrict");
            Check.Equal((int)FrameFault.None, (int)feeder.Extractor.Fault, "Fault");
        }

        /// <summary>The first non-marker byte where a frame must start faults; frames before it were delivered.</summary>
        public static void StrictFaultsOnFirstGarbageByte()
        {
            TestStream stream = new TestStream().Frame(2, 1).Garbage(1).Frame(1, 2);
            ChunkFeeder feeder = StrictFeeder();
            feeder.FeedInChunks(stream.ToArray(), stream.Length);
            Check.Equal("F2 X1", feeder.Log, "log");
            Check.Equal((int)FrameFault.UnexpectedByte, (int)feeder.Extractor.Fault, "Fault");
            Check.Equal(1L, feeder.Extractor.FramesDecoded, "FramesDecoded");
            Check.Equal(0L, feeder.Extractor.Resyncs, "Resyncs");
        }

        /// <summary>A header above the maximum faults at once with FrameTooLarge.</summary>
        public static void StrictFaultsOnOversizedFrame()
        {
            TestStream stream = new TestStream().Frame(1, 1).Oversized(MaxPayloadBytes + 1);
            ChunkFeeder feeder = StrictFeeder();
            feeder.FeedSplitAt(stream.ToArray(), new int[] { 4 });
            Check.Equal("F1 | X2", feeder.Log, "log");
            Check.Equal((int)FrameFault.FrameTooLarge, (int)feeder.Extractor.Fault, "Fault");
            Check.Equal(1L, feeder.Extractor.OversizedFrames, "OversizedFrames");
            Check.Equal(MaxPayloadBytes + 1, feeder.Extractor.LastOversizedLength, "LastOversizedLength");
        }

        /// <summary>After a fault Next keeps returning Faulted; Reset clears it and good frames decode again.</summary>
        public static void StrictStaysFaultedUntilReset()
        {
            FrameExtractor extractor = new FrameExtractor(MaxPayloadBytes, true);
            byte[] bad = new byte[] { 0x00, 0x72, 0x00, 0x01, 0x11 };
            extractor.Feed(bad, 0, bad.Length);
            for (int i = 0; i < 3; i++)
            {
                Check.Result(FrameReadResult.Faulted, extractor.Next(), "Next #" + i + " after the fault");
            }

            Check.Equal(0L, extractor.FramesDecoded, "FramesDecoded while faulted");
            extractor.Reset();
            Check.Equal((int)FrameFault.None, (int)extractor.Fault, "Fault after Reset");
            byte[] good = new byte[] { 0x72, 0x00, 0x01, 0x22 };
            extractor.Feed(good, 0, good.Length);
            Check.Result(FrameReadResult.Frame, extractor.Next(), "Next after Reset");
            Check.Bytes(new byte[] { 0x22 }, extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength, "payload after Reset");
        }

        private static ChunkFeeder StrictFeeder() => new ChunkFeeder(new FrameExtractor(MaxPayloadBytes, true));
    }
}
