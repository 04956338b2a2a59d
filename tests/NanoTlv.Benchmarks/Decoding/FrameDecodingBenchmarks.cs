using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NanoTlv.Framing;

namespace NanoTlv.Benchmarks.Decoding;

/// <summary>
/// Decodes a 1 MiB stream of equal frames fed in fixed-size chunks (one operation = the whole stream):
/// <list type="bullet">
/// <item><see cref="Memcpy"/>: only copies each chunk into a receive buffer; the limit, and the baseline.</item>
/// <item><see cref="ExtractorPush"/>: feeds each chunk of the stream array to <see cref="FrameExtractor"/> in the push
/// form (one call per chunk, frames to an <see cref="IFrameHandler"/>), as a session does with the buffer its socket
/// received into (whole payloads in place, spanning ones copied).</item>
/// <item><see cref="Extractor"/>: the same in the pull form (<see cref="FrameExtractor.Next"/> drained per chunk).</item>
/// <item><see cref="ExtractorAfterCopy"/>: first copies each chunk into a receive buffer, then feeds it: the same
/// work shape as <see cref="Pipelines"/>, whose writer copies each chunk into the pipe.</item>
/// <item><see cref="Pipelines"/>: the idiomatic System.IO.Pipelines decoder (<see cref="PipelinesFrameDecoder"/>).</item>
/// <item><see cref="CopyFloor"/>: no parsing, only the copies any decoder must make to hand out every payload
/// contiguously while reading in place: the payload bytes of each frame that spans a chunk boundary, in the two
/// pieces they arrive in. A lower bound on <see cref="Extractor"/>'s time.</item>
/// </list>
/// Every frame is touched (its length and first byte are summed) so none is optimised away.
/// </summary>
[MemoryDiagnoser]
public class FrameDecodingBenchmarks
{
    private FrameStream _stream = null!;
    private FrameExtractor _extractor = null!;
    private PipelinesFrameDecoder _pipelines = null!;
    private byte[] _receiveBuffer = null!;
    private byte[] _copyFloorBuffer = null!;
    private readonly ChecksumHandler _checksumHandler = new();

    /// <summary>Payload sizes to run (see <see cref="FrameDecodingSelection"/>).</summary>
    public static IEnumerable<int> PayloadSizes => FrameDecodingSelection.PayloadSizes;

    /// <summary>Chunk sizes to run (see <see cref="FrameDecodingSelection"/>).</summary>
    public static IEnumerable<int> ChunkSizes => FrameDecodingSelection.ChunkSizes;

    /// <summary>Payload length of every frame.</summary>
    [ParamsSource(nameof(PayloadSizes))]
    public int PayloadBytes { get; set; }

    /// <summary>Bytes per chunk fed (per socket read).</summary>
    [ParamsSource(nameof(ChunkSizes))]
    public int ChunkBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _stream = FrameStream.For(PayloadBytes);
        _extractor = new FrameExtractor(FrameFormat.DefaultDeviceMaxPayloadBytes);
        _pipelines = new PipelinesFrameDecoder(FrameFormat.DefaultDeviceMaxPayloadBytes);
        _receiveBuffer = new byte[ChunkBytes];
        _copyFloorBuffer = new byte[PayloadBytes];

        long expected = ExpectedChecksum();
        Verify(nameof(Extractor), expected, Extractor());
        Verify(nameof(ExtractorPush), expected, ExtractorPush());
        Verify(nameof(ExtractorAfterCopy), expected, ExtractorAfterCopy());
        Verify(nameof(Pipelines), expected, Pipelines().AsTask().GetAwaiter().GetResult());
    }

    [Benchmark(Baseline = true)]
    public long Memcpy()
    {
        byte[] stream = _stream.Bytes;
        byte[] receive = _receiveBuffer;
        int chunk = ChunkBytes;
        long checksum = 0;
        for (int offset = 0; offset < stream.Length; offset += chunk)
        {
            int count = Math.Min(chunk, stream.Length - offset);
            Buffer.BlockCopy(stream, offset, receive, 0, count);
            checksum += receive[0];
        }

        return checksum;
    }

    [Benchmark]
    public long Extractor()
    {
        FrameExtractor extractor = _extractor;
        extractor.Reset();
        byte[] stream = _stream.Bytes;
        int chunk = ChunkBytes;
        long checksum = 0;
        for (int offset = 0; offset < stream.Length; offset += chunk)
        {
            extractor.Feed(stream, offset, Math.Min(chunk, stream.Length - offset));
            checksum += Drain(extractor);
        }

        return checksum;
    }

    [Benchmark]
    public long ExtractorPush()
    {
        FrameExtractor extractor = _extractor;
        extractor.Reset();
        ChecksumHandler handler = _checksumHandler;
        handler.Checksum = 0;
        byte[] stream = _stream.Bytes;
        int chunk = ChunkBytes;
        for (int offset = 0; offset < stream.Length; offset += chunk)
        {
            extractor.Feed(stream, offset, Math.Min(chunk, stream.Length - offset), handler);
        }

        return handler.Checksum;
    }

    [Benchmark]
    public long ExtractorAfterCopy()
    {
        FrameExtractor extractor = _extractor;
        extractor.Reset();
        byte[] stream = _stream.Bytes;
        byte[] receive = _receiveBuffer;
        int chunk = ChunkBytes;
        long checksum = 0;
        for (int offset = 0; offset < stream.Length; offset += chunk)
        {
            int count = Math.Min(chunk, stream.Length - offset);
            Buffer.BlockCopy(stream, offset, receive, 0, count);
            extractor.Feed(receive, 0, count);
            checksum += Drain(extractor);
        }

        return checksum;
    }

    [Benchmark]
    public ValueTask<long> Pipelines() => _pipelines.DecodeAsync(_stream.Bytes, ChunkBytes);

    [Benchmark]
    public long CopyFloor()
    {
        byte[] stream = _stream.Bytes;
        byte[] payloadBuffer = _copyFloorBuffer;
        int chunk = ChunkBytes;
        int frameBytes = FrameFormat.HeaderBytes + PayloadBytes;
        long checksum = 0;
        for (int boundary = chunk; boundary < stream.Length; boundary += chunk)
        {
            int frameStart = boundary / frameBytes * frameBytes;
            int payloadStart = frameStart + FrameFormat.HeaderBytes;
            int payloadEnd = frameStart + frameBytes;
            if (boundary > payloadStart && boundary < payloadEnd)
            {
                int head = boundary - payloadStart;
                Buffer.BlockCopy(stream, payloadStart, payloadBuffer, 0, head);
                Buffer.BlockCopy(stream, boundary, payloadBuffer, head, payloadEnd - boundary);
                checksum += payloadBuffer[0];
            }
        }

        return checksum;
    }

    private static long Drain(FrameExtractor extractor)
    {
        long checksum = 0;
        FrameReadResult result;
        while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
        {
            if (result == FrameReadResult.Frame)
            {
                checksum += FrameChecksum(extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength);
            }
        }

        return checksum;
    }

    /// <summary>What every decoder adds per frame: its length and first byte, so no frame can be optimised away.</summary>
    private static long FrameChecksum(byte[] buffer, int offset, int length) => length > 0 ? length + buffer[offset] : 0;

    private long ExpectedChecksum()
    {
        long checksum = 0;
        byte[] bytes = _stream.Bytes;
        int frameBytes = FrameFormat.HeaderBytes + PayloadBytes;
        for (int frame = 0; frame < _stream.FrameCount; frame++)
        {
            checksum += PayloadBytes + (PayloadBytes > 0 ? bytes[(frame * frameBytes) + FrameFormat.HeaderBytes] : 0);
        }

        return checksum;
    }

    private static void Verify(string method, long expected, long actual)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"{method} decoded the stream wrongly: checksum {actual}, expected {expected}.");
        }
    }

    /// <summary>The push form's consumer: sums <see cref="FrameChecksum"/> over the frames delivered.</summary>
    private sealed class ChecksumHandler : IFrameHandler
    {
        public long Checksum { get; set; }

        public void OnFrame(byte[] buffer, int offset, int length) => Checksum += FrameChecksum(buffer, offset, length);

        public void OnResynchronized(int skippedBytes) => throw new InvalidOperationException("The benchmark stream holds no garbage.");

        public void OnFrameTooLarge(int announcedLength) => throw new InvalidOperationException("The benchmark stream holds no oversized frame.");
    }
}
