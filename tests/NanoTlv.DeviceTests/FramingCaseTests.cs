using nanoFramework.TestFramework;
using NanoTlv.PortableTests.Framing;

namespace NanoTlv.DeviceTests
{
    /// <summary>The frame layer's portable cases, run on nanoCLR (virtual device or board).</summary>
    [TestClass]
    public class FramingCaseTests
    {
        /// <summary>Set name of <see cref="FrameExtractorChunkingCases"/>.</summary>
        public const string ChunkingSet = nameof(FrameExtractorChunkingCases);

        /// <summary>Set name of <see cref="FrameExtractorGarbageCases"/>.</summary>
        public const string GarbageSet = nameof(FrameExtractorGarbageCases);

        /// <summary>Set name of <see cref="FrameExtractorOversizeCases"/>.</summary>
        public const string OversizeSet = nameof(FrameExtractorOversizeCases);

        /// <summary>Set name of <see cref="FrameExtractorStrictCases"/>.</summary>
        public const string StrictSet = nameof(FrameExtractorStrictCases);

        /// <summary>Set name of <see cref="FrameExtractorApiCases"/>.</summary>
        public const string ApiSet = nameof(FrameExtractorApiCases);

        /// <summary>Set name of <see cref="FrameWriterCases"/>.</summary>
        public const string WriterSet = nameof(FrameWriterCases);

        /// <summary>Good frames come out whole, once, in order, for any chunking.</summary>
        [TestMethod]
        public void FrameExtractorChunkingCasesPass() => PortableCaseSet.RunAll(ChunkingSet);

        /// <summary>Garbage is skipped to the next marker and counted; frames around it survive.</summary>
        [TestMethod]
        public void FrameExtractorGarbageCasesPass() => PortableCaseSet.RunAll(GarbageSet);

        /// <summary>A frame at the limit is accepted; a longer one is reported and discarded while it streams.</summary>
        [TestMethod]
        public void FrameExtractorOversizeCasesPass() => PortableCaseSet.RunAll(OversizeSet);

        /// <summary>Strict mode faults on the first violation and stays faulted until Reset.</summary>
        [TestMethod]
        public void FrameExtractorStrictCasesPass() => PortableCaseSet.RunAll(StrictSet);

        /// <summary>Construction, Feed's contract, Reset and the counters.</summary>
        [TestMethod]
        public void FrameExtractorApiCasesPass() => PortableCaseSet.RunAll(ApiSet);

        /// <summary>FrameWriter's byte layouts, its limits and the round trip through the extractor.</summary>
        [TestMethod]
        public void FrameWriterCasesPass() => PortableCaseSet.RunAll(WriterSet);
    }
}
