using CsCheck;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>
/// The frame extractor fed generated streams in generated chunkings, lenient and strict: no exception, no
/// hang, every frame within the maximum, every byte consumed and accounted for, and exactly the events of the
/// whole-stream <see cref="ReferenceDecoder"/> whatever the chunking. The corpus in Corpus/extractor is
/// replayed in several chunkings on every run.
/// </summary>
public sealed class ExtractorFuzzTests
{
    private const long CiIterations = 50_000;

    private static readonly Gen<(byte[] Stream, int Max, bool Strict, int[] Chunks)> Cases =
        StreamGenerators.MaxPayload.SelectMany(max => Gen.Select(
            StreamGenerators.Stream(max),
            Gen.Const(max),
            Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true))),
            StreamGenerators.ChunkSizes));

    private readonly ITestOutputHelper _output;

    public ExtractorFuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> CorpusNames => new(CorpusCase.Load("extractor").Select(c => c.Name));

    [Fact]
    public void GeneratedStreams_InGeneratedChunkings_MatchTheReferenceDecoder()
    {
        FuzzRunner.Run(
            "extractor",
            Cases,
            c => ExtractorRun.Check(c.Stream, c.Max, c.Strict, c.Chunks),
            c => "max " + c.Max + (c.Strict ? " strict" : string.Empty) + ", chunks [" + string.Join(",", c.Chunks) + "], stream " + Hex.Format(c.Stream, 256),
            c => CorpusCase.Format(c.Stream, c.Max, c.Strict),
            CiIterations,
            threads: -1,
            _output);
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void CorpusCase_InEveryChunking_MatchesTheReferenceDecoder(string name)
    {
        CorpusCase corpus = CorpusCase.Load("extractor").Single(c => c.Name == name);
        int max = corpus.MaxPayloadBytes ?? Framing.FrameFormat.DefaultDeviceMaxPayloadBytes;
        int[][] chunkings = [[int.MaxValue], [1], [2], [3], [0, 1], [5, 0, 7], [64], [1, 2, 3, 4, 5, 6, 7, 8, 9]];
        foreach (int[] chunks in chunkings)
        {
            ExtractorRun.Check(corpus.Stream, max, corpus.Strict, chunks);
            ExtractorRun.Check(corpus.Stream, max, !corpus.Strict, chunks);
        }

        var random = new Random(name.Length);
        for (int i = 0; i < 50; i++)
        {
            int[] chunks = Enumerable.Range(0, 8).Select(_ => random.Next(0, 40)).Append(1).ToArray();
            ExtractorRun.Check(corpus.Stream, max, corpus.Strict, chunks);
        }
    }
}
