using System;
using System.Collections.Concurrent;
using NanoTlv.Framing;

namespace NanoTlv.Benchmarks.Decoding;

/// <summary>
/// A pre-generated stream of about <see cref="TargetBytes"/> of back-to-back frames, all with the same payload
/// length, payload bytes pseudo-random (markers included). Built once per payload length and shared.
/// </summary>
public sealed class FrameStream
{
    /// <summary>About how many bytes each stream holds: 1 MiB, rounded down to whole frames.</summary>
    public const int TargetBytes = 1 << 20;

    private const int Seed = 0x72;

    private static readonly ConcurrentDictionary<int, FrameStream> Cache = new();

    private FrameStream(int payloadBytes)
    {
        PayloadBytes = payloadBytes;
        FrameCount = TargetBytes / (FrameFormat.HeaderBytes + payloadBytes);
        Bytes = new byte[FrameCount * (FrameFormat.HeaderBytes + payloadBytes)];
        var random = new Random(Seed);
        var payload = new byte[payloadBytes];
        int offset = 0;
        for (int i = 0; i < FrameCount; i++)
        {
            random.NextBytes(payload);
            offset += FrameWriter.Write(payload, 0, payloadBytes, Bytes, offset);
        }
    }

    /// <summary>Payload length of every frame.</summary>
    public int PayloadBytes { get; }

    /// <summary>Frames in the stream.</summary>
    public int FrameCount { get; }

    /// <summary>The stream.</summary>
    public byte[] Bytes { get; }

    /// <summary>The shared stream for <paramref name="payloadBytes"/>.</summary>
    public static FrameStream For(int payloadBytes) => Cache.GetOrAdd(payloadBytes, length => new FrameStream(length));
}
