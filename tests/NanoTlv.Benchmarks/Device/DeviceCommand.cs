using System;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Benchmarks.Device;

/// <summary>
/// One request the benchmarks send to the device, as the bytes on the wire, with what its reply must look like.
/// </summary>
/// <param name="Key">Identifier (the dispatch benchmark method of the same name).</param>
/// <param name="Label">Name in tables, e.g. "PING (8 B)".</param>
/// <param name="Opcode">The command.</param>
/// <param name="Arguments">Argument bytes after the request header.</param>
/// <param name="ReplyDataBytes">Bytes after the reply's status byte.</param>
/// <param name="ZeroAllocationRequired">True for the commands whose 0-byte steady state is a release target.</param>
public sealed record DeviceCommand(string Key, string Label, Opcode Opcode, byte[] Arguments, int ReplyDataBytes, bool ZeroAllocationRequired)
{
    /// <summary>Request id every benchmark request carries (the device does not need distinct ids).</summary>
    public const ushort RequestId = 0x0102;

    /// <summary>Requests sent before this one in the same chunk, e.g. PWM_SET before PWM_STOP so the stop
    /// has something to stop; measured together with it. Empty for most commands.</summary>
    public DeviceCommand[] Companions { get; init; } = [];

    /// <summary>Bytes of the request frame.</summary>
    public int RequestFrameBytes => FrameFormat.HeaderBytes + MessageHeader.RequestHeaderBytes + Arguments.Length;

    /// <summary>Bytes of the reply frame.</summary>
    public int ReplyFrameBytes => FrameFormat.HeaderBytes + MessageHeader.ReplyHeaderBytes + ReplyDataBytes;

    /// <summary>The request frame: <c>72 len | opcode id | arguments</c>.</summary>
    public byte[] RequestFrame()
    {
        var frame = new byte[RequestFrameBytes];
        var writer = new MessageWriter(frame);
        writer.BeginRequest(Opcode, RequestId);
        writer.WriteBytes(Arguments, 0, Arguments.Length);
        writer.EndMessage();
        return frame;
    }

    /// <summary>The chunk one measured step sends: the companions' frames, then this command's.</summary>
    public byte[] StepChunk()
    {
        byte[] chunk = [];
        foreach (DeviceCommand companion in Companions)
        {
            chunk = [.. chunk, .. companion.RequestFrame()];
        }

        return [.. chunk, .. RequestFrame()];
    }

    /// <summary>Bytes the device sends back for one step (every reply, companions included).</summary>
    public int StepReplyBytes
    {
        get
        {
            int bytes = ReplyFrameBytes;
            foreach (DeviceCommand companion in Companions)
            {
                bytes += companion.ReplyFrameBytes;
            }

            return bytes;
        }
    }

    /// <summary>Checks one reply payload: the right opcode and id, status OK, the expected data length and, for
    /// PING, the echoed bytes.</summary>
    /// <exception cref="InvalidOperationException">The reply is wrong.</exception>
    public void VerifyReply(ReadOnlySpan<byte> payload)
    {
        string problem =
            payload.Length < MessageHeader.ReplyHeaderBytes ? $"a {payload.Length}-byte payload"
            : payload[0] != ((byte)Opcode | MessageHeader.ReplyFlag) ? $"reply code 0x{payload[0]:X2}"
            : BigEndian(payload, 1) != RequestId ? $"request id {BigEndian(payload, 1)}"
            : payload[MessageHeader.StatusOffset] != (byte)StatusCode.Ok ? $"status {(StatusCode)payload[MessageHeader.StatusOffset]}"
            : payload.Length - MessageHeader.ReplyHeaderBytes != ReplyDataBytes ? $"{payload.Length - MessageHeader.ReplyHeaderBytes} data bytes, expected {ReplyDataBytes}"
            : Opcode == Opcode.Ping && !payload[MessageHeader.ReplyHeaderBytes..].SequenceEqual(Arguments) ? "an echo that differs from the request"
            : string.Empty;
        if (problem.Length > 0)
        {
            throw new InvalidOperationException($"{Label}: the device answered with {problem}.");
        }
    }

    private static int BigEndian(ReadOnlySpan<byte> bytes, int offset) => (bytes[offset] << 8) | bytes[offset + 1];
}
