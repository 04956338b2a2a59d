using NanoTlv.Framing;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>
/// The frame format decoded the simplest possible way: the whole stream at once, byte by byte. It is the model
/// the real <see cref="FrameExtractor"/> is compared with: for any chunking, the extractor must report exactly
/// these events and end in exactly this state.
/// </summary>
/// <remarks>
/// Rules (docs of <see cref="FrameExtractor"/>): a byte that is not a marker where a frame must start begins a
/// resync episode, reported once with its length when the next marker arrives (never, if the stream ends
/// first); a header announcing more than the maximum is reported at once and exactly that many following bytes
/// are discarded; a strict decoder faults at the first violation instead.
/// </remarks>
public sealed class ReferenceDecoder
{
    private ReferenceDecoder()
    {
    }

    public List<StreamEvent> Events { get; } = new();

    /// <summary>Bytes of the unreported resync episode at the end of the stream.</summary>
    public int TrailingSkipped { get; private set; }

    /// <summary>Bytes of the frame (header included) left incomplete at the end of the stream; not counting an
    /// oversized frame whose discard is unfinished (see <see cref="EndsInDiscard"/>).</summary>
    public int TrailingPartialFrame { get; private set; }

    /// <summary>True when the stream ends while an oversized frame's bytes are still being discarded.</summary>
    public bool EndsInDiscard { get; private set; }

    /// <summary>Payload bytes of oversized frames discarded.</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Bytes the decoder consumed (all of them, unless a strict decoder faulted).</summary>
    public int Consumed { get; private set; }

    public FrameFault Fault { get; private set; }

    public int Frames => Events.Count(e => e.Kind == FrameReadResult.Frame);

    public int ReportedResyncs => Events.Count(e => e.Kind == FrameReadResult.Resynchronized);

    public long ReportedSkipped => Events.Where(e => e.Kind == FrameReadResult.Resynchronized).Sum(e => (long)e.Value);

    public int Oversized => Events.Count(e => e.Kind == FrameReadResult.FrameTooLarge) + (Fault == FrameFault.FrameTooLarge ? 1 : 0);

    public static ReferenceDecoder Decode(byte[] stream, int maxPayloadBytes, bool strict)
    {
        var decoder = new ReferenceDecoder();
        decoder.Run(stream, maxPayloadBytes, strict);
        return decoder;
    }

    private void Run(byte[] data, int max, bool strict)
    {
        int i = 0;
        int n = data.Length;
        while (i < n)
        {
            if (data[i] != FrameFormat.Marker)
            {
                if (strict)
                {
                    Fail(FrameFault.UnexpectedByte, i);
                    return;
                }

                int next = Array.IndexOf(data, FrameFormat.Marker, i);
                if (next < 0)
                {
                    TrailingSkipped = n - i;
                    i = n;
                    break;
                }

                Events.Add(StreamEvent.Resync(next - i));
                i = next;
                continue;
            }

            if (n - i < FrameFormat.HeaderBytes)
            {
                TrailingPartialFrame = n - i;
                i = n;
                break;
            }

            int length = (data[i + 1] << 8) | data[i + 2];
            if (length > max)
            {
                if (strict)
                {
                    Fail(FrameFault.FrameTooLarge, i + FrameFormat.HeaderBytes);
                    return;
                }

                Events.Add(StreamEvent.TooLarge(length));
                int available = n - (i + FrameFormat.HeaderBytes);
                int discarded = Math.Min(length, available);
                DiscardedBytes += discarded;
                if (discarded < length)
                {
                    EndsInDiscard = true;
                    i = n;
                    break;
                }

                i += FrameFormat.HeaderBytes + length;
                continue;
            }

            if (n - i < FrameFormat.HeaderBytes + length)
            {
                TrailingPartialFrame = n - i;
                i = n;
                break;
            }

            Events.Add(StreamEvent.Frame(data.AsSpan(i + FrameFormat.HeaderBytes, length).ToArray()));
            i += FrameFormat.HeaderBytes + length;
        }

        Consumed = i;
    }

    private void Fail(FrameFault fault, int consumed)
    {
        Fault = fault;
        Events.Add(StreamEvent.Faulted(fault));
        Consumed = consumed;
    }
}
