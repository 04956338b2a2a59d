using System;
using NanoTlv.Framing;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// What one load connection sends and must get back: a request frame repeated with a fresh request id each
/// time, and the reply frame it must receive (byte for byte, with the same id), plus an optional setup
/// exchange done once before the load (e.g. PIN_MODE before DIGITAL_WRITE).
/// </summary>
/// <param name="Request">The request frame; its id is rewritten for every request.</param>
/// <param name="Reply">The expected reply frame; its id must equal the request's.</param>
/// <param name="SetupRequest">Sent once before the load, or null.</param>
/// <param name="SetupReply">The exact reply to <paramref name="SetupRequest"/>.</param>
public sealed record ConnectionScript(byte[] Request, byte[] Reply, byte[]? SetupRequest = null, byte[]? SetupReply = null)
{
    /// <summary>Where the 16-bit request id sits in requests and replies (after the frame header and the opcode).</summary>
    public const int IdOffset = FrameFormat.HeaderBytes + 1;

    /// <summary>Writes request id <paramref name="id"/> into the frame at <paramref name="frameOffset"/>.</summary>
    public static void WriteId(byte[] buffer, int frameOffset, ushort id)
    {
        buffer[frameOffset + IdOffset] = (byte)(id >> 8);
        buffer[frameOffset + IdOffset + 1] = (byte)id;
    }

    /// <summary>The request id of the n-th request of a connection: 1..65535, wrapping (0 is the event id).</summary>
    public static ushort IdOf(long sequence) => (ushort)((sequence % ushort.MaxValue) + 1);

    /// <summary>Throws unless the reply at <paramref name="offset"/> is <see cref="Reply"/> with id <paramref name="id"/>.</summary>
    /// <exception cref="InvalidOperationException">It is not.</exception>
    public void VerifyReply(byte[] buffer, int offset, ushort id)
    {
        ReadOnlySpan<byte> reply = buffer.AsSpan(offset, Reply.Length);
        int actualId = (reply[IdOffset] << 8) | reply[IdOffset + 1];
        if (actualId != id
            || !reply[..IdOffset].SequenceEqual(Reply.AsSpan(0, IdOffset))
            || !reply[(IdOffset + 2)..].SequenceEqual(Reply.AsSpan(IdOffset + 2)))
        {
            throw new InvalidOperationException(
                $"Wrong reply for request id {id}: got {Convert.ToHexString(reply)}, expected {Convert.ToHexString(Reply)} with that id.");
        }
    }
}
