using CsCheck;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>
/// Generated connections (requests, wrong and right HELLOs, framing faults) through the real session, extractor,
/// dispatcher and handlers against a virtual board, in generated chunkings: no exception escapes, no hang, the
/// connection closes, and every byte sent back is a well-formed reply or event that matches its request (see
/// <see cref="FuzzDevice"/> and <see cref="ReplyRules"/>). The corpus in Corpus/session is replayed on every run.
/// </summary>
public sealed class SessionFuzzTests
{
    private const long CiIterations = 5_000;

    private readonly ITestOutputHelper _output;

    public SessionFuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> CorpusNames => new(CorpusCase.Load("session").Select(c => c.Name));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GeneratedConnections_GetWellFormedMatchingReplies(bool withToken)
    {
        using var device = new FuzzDevice(withToken);
        FuzzRunner.Run(
            withToken ? "session-token" : "session",
            Gen.Select(RequestGenerators.Session(withToken), RequestGenerators.ChunkSizes),
            c => device.Check(c.Item1, c.Item2),
            c => "chunks [" + string.Join(",", c.Item2) + "], stream " + Hex.Format(c.Item1, 512),
            c => CorpusCase.Format(c.Item1, withToken: withToken),
            CiIterations,
            threads: 1,
            _output);
        _output.WriteLine(device.Coverage);
        _output.WriteLine("device log: {0} lines, {1} errors", device.Log.Count, device.Log.ErrorCount);
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void CorpusCase_GetsWellFormedMatchingReplies(string name)
    {
        CorpusCase corpus = CorpusCase.Load("session").Single(c => c.Name == name);
        using var device = new FuzzDevice(corpus.WithToken, corpus.MaxPayloadBytes ?? FuzzDevice.DefaultMaxPayloadBytes);
        foreach (int[] chunks in new[] { new[] { int.MaxValue }, [1], [3], [7, 1, 200] })
        {
            device.Check(corpus.Stream, chunks);
        }
    }
}
