using System;
using System.Linq;
using CsCheck;
using NanoTlv.Framing;
using NanoTlv.PortableTests.Framing;

namespace NanoTlv.Tests.Framing;

/// <summary>What one piece of a generated stream is.</summary>
internal enum StreamItemKind
{
    Frame,
    Garbage,
    Oversized,
}

/// <summary>One piece of a generated stream: a good frame, a run of garbage, or an oversized frame.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Length">Payload length, garbage bytes, or announced length.</param>
/// <param name="Seed">First payload byte of a good frame.</param>
internal readonly record struct StreamItem(StreamItemKind Kind, int Length, int Seed)
{
    public override string ToString() => Kind switch
    {
        StreamItemKind.Frame => $"F{Length}",
        StreamItemKind.Garbage => $"G{Length}",
        _ => $"T{Length}",
    };
}

/// <summary>
/// A generated test: an extractor maximum, a stream made of items, and the chunk sizes (cycled) it is fed in.
/// Garbage never contains the marker and only sits between items, so the right answer is unambiguous.
/// </summary>
/// <param name="MaxPayloadBytes">The extractor's maximum.</param>
/// <param name="Items">The stream, in order.</param>
/// <param name="ChunkSizes">Chunk sizes, used in turn and cycled.</param>
internal sealed record StreamScenario(int MaxPayloadBytes, StreamItem[] Items, int[] ChunkSizes)
{
    public static readonly Gen<StreamScenario> Gen =
        MaxPayloadGen().SelectMany(max => CsCheck.Gen.Select(
            ItemGen(max).Array[0, 40],
            ChunkSizeGen().Array[1, 8],
            (items, chunks) => new StreamScenario(max, items, chunks)));

    /// <summary>The stream bytes and the expected outcome for a lenient extractor.</summary>
    public TestStream Build()
    {
        var stream = new TestStream();
        foreach (var item in Items)
        {
            _ = item.Kind switch
            {
                StreamItemKind.Frame => stream.Frame(item.Length, item.Seed),
                StreamItemKind.Garbage => stream.Garbage(item.Length),
                _ => stream.Oversized(item.Length),
            };
        }

        return stream;
    }

    /// <summary>What a strict extractor reports: the frames up to the first violation, then the fault.</summary>
    public string ExpectedStrictEvents()
    {
        var tokens = new System.Collections.Generic.List<string>();
        foreach (var item in Items)
        {
            if (item.Kind != StreamItemKind.Frame)
            {
                tokens.Add(item.Kind == StreamItemKind.Garbage ? $"X{(int)FrameFault.UnexpectedByte}" : $"X{(int)FrameFault.FrameTooLarge}");
                break;
            }

            tokens.Add($"F{item.Length}");
        }

        return string.Join(' ', tokens);
    }

    /// <summary>Feeds <paramref name="bytes"/> to <paramref name="feeder"/> in this scenario's chunk sizes.</summary>
    public void FeedInChunks(ChunkFeeder feeder, byte[] bytes)
    {
        int next = 0;
        for (int offset = 0; offset < bytes.Length; next++)
        {
            int count = Math.Min(ChunkSizes[next % ChunkSizes.Length], bytes.Length - offset);
            feeder.FeedChunk(bytes, offset, count);
            offset += count;
        }
    }

    public override string ToString() =>
        $"max {MaxPayloadBytes}, items [{string.Join(' ', Items)}], chunks [{string.Join(',', ChunkSizes)}]";

    private static Gen<int> MaxPayloadGen() => CsCheck.Gen.Frequency(
        (1, CsCheck.Gen.Const(0)),
        (2, CsCheck.Gen.Int[1, 16]),
        (4, CsCheck.Gen.Int[17, 1100]),
        (1, CsCheck.Gen.Const(FrameFormat.MaxEncodablePayloadBytes - 1)));

    private static Gen<StreamItem> ItemGen(int max)
    {
        Gen<int> frameLength = CsCheck.Gen.Frequency(
            (1, CsCheck.Gen.Const(0)),
            (1, CsCheck.Gen.Const(max)),
            (4, CsCheck.Gen.Int[0, Math.Min(max, 2000)]));
        Gen<int> oversizedLength = CsCheck.Gen.Frequency(
            (3, CsCheck.Gen.Const(max + 1)),
            (3, CsCheck.Gen.Int[max + 1, Math.Min(max + 3000, FrameFormat.MaxEncodablePayloadBytes)]),
            (1, CsCheck.Gen.Const(FrameFormat.MaxEncodablePayloadBytes)));
        return CsCheck.Gen.Frequency(
            (6, CsCheck.Gen.Select(frameLength, CsCheck.Gen.Int[0, 255], (length, seed) => new StreamItem(StreamItemKind.Frame, length, seed))),
            (2, CsCheck.Gen.Int[1, 40].Select(count => new StreamItem(StreamItemKind.Garbage, count, 0))),
            (1, oversizedLength.Select(length => new StreamItem(StreamItemKind.Oversized, length, 0))));
    }

    private static Gen<int> ChunkSizeGen() => CsCheck.Gen.Frequency(
        (2, CsCheck.Gen.Int[1, 4]),
        (2, CsCheck.Gen.Int[1, 64]),
        (2, CsCheck.Gen.Int[1, 2000]),
        (1, CsCheck.Gen.Int[2000, 20000]));
}
