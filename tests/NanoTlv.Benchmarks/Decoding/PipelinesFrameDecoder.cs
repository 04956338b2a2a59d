using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Threading.Tasks;
using NanoTlv.Framing;

namespace NanoTlv.Benchmarks.Decoding;

/// <summary>
/// The length-prefixed decoder a .NET developer would write with System.IO.Pipelines: each chunk is written to
/// a <see cref="Pipe"/> and flushed, the reader slices whole frames off the buffered sequence with a
/// <see cref="SequenceReader{T}"/> and advances past them. The comparison point for <see cref="FrameExtractor"/>.
/// </summary>
public sealed class PipelinesFrameDecoder
{
    private readonly int _maxPayloadBytes;

    /// <summary>Creates a decoder refusing payloads above <paramref name="maxPayloadBytes"/>.</summary>
    public PipelinesFrameDecoder(int maxPayloadBytes) => _maxPayloadBytes = maxPayloadBytes;

    /// <summary>Pushes <paramref name="stream"/> through a new pipe in <paramref name="chunkBytes"/> chunks, decoding every frame.</summary>
    /// <returns>The sum of each frame's length and first byte (so no frame is optimised away).</returns>
    public async ValueTask<long> DecodeAsync(byte[] stream, int chunkBytes)
    {
        var pipe = new Pipe(new PipeOptions(useSynchronizationContext: false));
        PipeWriter writer = pipe.Writer;
        PipeReader reader = pipe.Reader;
        long checksum = 0;

        for (int offset = 0; offset < stream.Length; offset += chunkBytes)
        {
            int count = Math.Min(chunkBytes, stream.Length - offset);
            writer.Write(stream.AsSpan(offset, count));
            await writer.FlushAsync().ConfigureAwait(false);

            ReadResult result = await reader.ReadAsync().ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            while (TryReadFrame(ref buffer, out ReadOnlySequence<byte> payload))
            {
                checksum += payload.Length;
                if (!payload.IsEmpty)
                {
                    checksum += payload.FirstSpan[0];
                }
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }

        await writer.CompleteAsync().ConfigureAwait(false);
        await reader.CompleteAsync().ConfigureAwait(false);
        return checksum;
    }

    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> payload)
    {
        var reader = new SequenceReader<byte>(buffer);
        payload = default;

        // Garbage: skip to the next marker, keeping the marker.
        if (reader.TryPeek(out byte first) && first != FrameFormat.Marker
            && !reader.TryAdvanceTo(FrameFormat.Marker, advancePastDelimiter: false))
        {
            buffer = buffer.Slice(buffer.End);
            return false;
        }

        SequencePosition frameStart = reader.Position;
        if (!reader.TryRead(out _) || !reader.TryReadBigEndian(out short length))
        {
            buffer = buffer.Slice(frameStart);
            return false;
        }

        int payloadLength = (ushort)length;
        if (payloadLength > _maxPayloadBytes)
        {
            throw new InvalidDataException($"Frame of {payloadLength} bytes is above the maximum of {_maxPayloadBytes}.");
        }

        if (reader.Remaining < payloadLength)
        {
            buffer = buffer.Slice(frameStart);
            return false;
        }

        payload = reader.UnreadSequence.Slice(0, payloadLength);
        buffer = buffer.Slice(payload.End);
        return true;
    }
}
