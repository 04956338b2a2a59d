using CsCheck;
using NanoTlv.Framing;
using NanoTlv.Reliability.Tests.Support;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>CsCheck generators of byte streams that stress a frame decoder: valid frames (markers inside
/// payloads), garbage, marker runs, zero-length frames, lengths around and far above the maximum, truncation,
/// and chunkings from single bytes to large reads with empty chunks in between.</summary>
public static class StreamGenerators
{
    private const int MaxBodyBytes = 2000;

    public static readonly Gen<byte> NonMarker = Gen.Byte.Where(b => b != FrameFormat.Marker);

    public static readonly Gen<int[]> ChunkSizes = Gen.Frequency(
        (1, Gen.Const(new[] { 1 })),
        (4, Gen.Int[0, 8].Array[1, 16]),
        (4, Gen.Int[1, 300].Array[1, 8]),
        (1, Gen.Int[300, 5000].Array[1, 4]));

    public static readonly Gen<int> MaxPayload = Gen.Frequency(
        (1, Gen.Const(0)),
        (3, Gen.Int[1, 16]),
        (4, Gen.Int[17, 300]),
        (1, Gen.Int[1000, FrameFormat.MaxEncodablePayloadBytes]));

    /// <summary>A stream of 1..30 pieces built around <paramref name="max"/>.</summary>
    public static Gen<byte[]> Stream(int max) => Piece(max).Array[1, 30].Select(pieces => pieces.SelectMany(p => p).ToArray());

    public static Gen<byte[]> Piece(int max) => Gen.Frequency(
        (8, Gen.Byte.Array[0, Math.Min(max, 48)].Select(Hex.Frame)),
        (2, Gen.Const(new byte[] { FrameFormat.Marker, 0, 0 })),
        (3, NonMarker.Array[1, 20]),
        (2, Gen.Byte.Array[0, 24]),
        (2, Gen.Int[1, 4].Select(n => Enumerable.Repeat(FrameFormat.Marker, n).ToArray())),
        (2, Gen.Select(Gen.Int[Math.Max(0, max - 2), Math.Min(FrameFormat.MaxEncodablePayloadBytes, max + 3)], Gen.Byte, (length, fill) => Header(length, Math.Min(length, MaxBodyBytes), fill))),
        (2, Gen.Select(Gen.Int[0, FrameFormat.MaxEncodablePayloadBytes], Gen.Int[0, 400], Gen.Byte, (length, body, fill) => Header(length, Math.Min(length, body), fill))),
        (1, Gen.Select(Gen.Byte.Array[1, 40], Gen.Int[1, 40], (payload, cut) => Hex.Frame(payload)[..Math.Min(cut, payload.Length + 2)])));

    private static byte[] Header(int length, int bodyBytes, byte fill)
    {
        var bytes = new byte[FrameFormat.HeaderBytes + bodyBytes];
        bytes[0] = FrameFormat.Marker;
        bytes[1] = (byte)(length >> 8);
        bytes[2] = (byte)length;
        bytes.AsSpan(FrameFormat.HeaderBytes).Fill(fill);
        return bytes;
    }
}
