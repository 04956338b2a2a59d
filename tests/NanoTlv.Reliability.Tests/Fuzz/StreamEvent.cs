using NanoTlv.Framing;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>What a frame extractor reports, as a value: a frame's payload, a resync episode, an oversized
/// frame, or a strict extractor's fault.</summary>
public sealed record StreamEvent(FrameReadResult Kind, byte[] Payload, int Value, FrameFault Fault)
{
    public static StreamEvent Frame(byte[] payload) => new(FrameReadResult.Frame, payload, payload.Length, FrameFault.None);

    public static StreamEvent Resync(int skipped) => new(FrameReadResult.Resynchronized, [], skipped, FrameFault.None);

    public static StreamEvent TooLarge(int announced) => new(FrameReadResult.FrameTooLarge, [], announced, FrameFault.None);

    public static StreamEvent Faulted(FrameFault fault) => new(FrameReadResult.Faulted, [], 0, fault);

    public bool SameAs(StreamEvent other) =>
        Kind == other.Kind && Value == other.Value && Fault == other.Fault && Payload.AsSpan().SequenceEqual(other.Payload);

    public override string ToString() => Kind switch
    {
        FrameReadResult.Frame => "Frame(" + Hex.Format(Payload, 24) + ")",
        FrameReadResult.Faulted => "Faulted(" + Fault + ")",
        _ => Kind + "(" + Value + ")",
    };
}
