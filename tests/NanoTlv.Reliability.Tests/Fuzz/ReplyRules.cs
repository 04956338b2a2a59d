using System.Text;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>
/// What a valid reply to a request looks like: same opcode (| 0x80) and id, a defined status that a reply may
/// carry, no data with an error status, and for OK the data layout of docs/protocol.md / <see cref="Opcode"/>.
/// Statuses decided before any handler runs (unknown opcode, bad length, authentication) and HELLO's outcome
/// are predicted exactly from a model of the connection's authentication.
/// </summary>
public sealed class ReplyRules
{
    private static readonly StatusCode[] NeverInAReply =
        [StatusCode.InternalError, StatusCode.GarbageSkipped, StatusCode.FrameTooLarge, StatusCode.MalformedRequest];

    private readonly byte[]? _token;

    public ReplyRules(string? token)
    {
        _token = token == null ? null : Encoding.ASCII.GetBytes(token);
        IsAuthenticated = token == null;
    }

    /// <summary>The model's view: has this connection presented the token?</summary>
    public bool IsAuthenticated { get; private set; }

    /// <summary>Checks <paramref name="reply"/> against <paramref name="request"/>; returns why it is wrong, or null.</summary>
    public string? Check(byte[] request, byte[] reply)
    {
        byte opcode = request[0];
        ushort id = BigEndian.ReadUInt16(request, 1);
        byte[] arguments = request[MessageHeader.RequestHeaderBytes..];
        if (reply.Length < MessageHeader.ReplyHeaderBytes || reply[0] != MessageHeader.ReplyCodeFor(opcode) || Wire.IdOf(reply) != id)
        {
            return "not a reply to opcode " + opcode.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " id " + id;
        }

        var status = (StatusCode)reply[MessageHeader.StatusOffset];
        if (!Enum.IsDefined(status) || NeverInAReply.Contains(status))
        {
            return "status " + status + " is not a reply status" + (status == StatusCode.InternalError ? " (a handler threw: see the device log)" : string.Empty);
        }

        StatusCode? decided = Precheck(opcode, arguments);
        if (decided != null)
        {
            return status == decided && reply.Length == MessageHeader.ReplyHeaderBytes ? null : "expected a bare " + decided + " reply";
        }

        if (opcode == (byte)Opcode.Hello)
        {
            return CheckHello(arguments, reply, status);
        }

        if (status == StatusCode.NotAuthenticated || status == StatusCode.UnknownOpcode)
        {
            return "unexpected " + status;
        }

        if (status != StatusCode.Ok)
        {
            return reply.Length == MessageHeader.ReplyHeaderBytes ? null : "an error reply carries data";
        }

        byte[] data = Wire.DataOf(reply);
        // Every size comes from the catalogue; only the replies whose size depends on the request or the data
        // are worked out here.
        int expectedLength = MessageCatalog.HasFixedReplySize(opcode) ? MessageCatalog.MaxReplyDataBytes(opcode) : (Opcode)opcode switch
        {
            Opcode.Ping => arguments.Length,
            Opcode.Caps => CapsReplyBytes(data),
            Opcode.I2cRead or Opcode.I2cWriteRead => arguments[1],
            Opcode.I2cScan => MessageCatalog.ScanHeaderBytes + (data.Length > 0 ? data[0] : 0),
            Opcode.SensorRead => MessageCatalog.SensorReplyBytes(arguments[0]),
            _ => throw new InvalidOperationException(MessageCatalog.NameOf(opcode) + " has a variable reply size the model does not know."),
        };
        if (data.Length != expectedLength)
        {
            return MessageCatalog.NameOf(opcode) + " data has " + data.Length + " bytes, expected " + expectedLength;
        }

        if (opcode == (byte)Opcode.Ping && !data.AsSpan().SequenceEqual(arguments))
        {
            return "PING echo differs from its arguments";
        }

        if ((opcode == (byte)Opcode.DigitalRead || opcode == (byte)Opcode.DigitalToggle) && data[0] > 1)
        {
            return "level byte " + data[0];
        }

        return null;
    }

    private StatusCode? Precheck(byte opcode, byte[] arguments)
    {
        if (!MessageCatalog.IsKnown(opcode))
        {
            return StatusCode.UnknownOpcode;
        }

        if (!MessageCatalog.AcceptsArgumentLength(opcode, arguments.Length))
        {
            return StatusCode.BadLength;
        }

        return !IsAuthenticated && MessageCatalog.RequiresAuthentication(opcode) ? StatusCode.NotAuthenticated : null;
    }

    /// <summary>CAPS data size from its own counts: pin_count first, sensor_count after the pins (0 when the data
    /// is too short to hold it, so a short reply still fails the size check).</summary>
    private static int CapsReplyBytes(byte[] data)
    {
        int pins = data.Length > 0 ? data[0] : 0;
        int sensorsOffset = MessageCatalog.CapsSensorsOffset(pins);
        return MessageCatalog.CapsReplyBytes(pins, data.Length > sensorsOffset ? data[sensorsOffset] : 0);
    }

    private string? CheckHello(byte[] arguments, byte[] reply, StatusCode status)
    {
        int tokenBytes = arguments[1];
        StatusCode expected;
        bool matches = false;
        if (tokenBytes != arguments.Length - 2)
        {
            expected = StatusCode.BadLength;
        }
        else if (arguments[0] != ProtocolLimits.ProtocolVersion)
        {
            expected = StatusCode.UnsupportedVersion;
        }
        else
        {
            matches = _token == null || arguments.AsSpan(2).SequenceEqual(_token);
            IsAuthenticated = matches;
            expected = !matches && tokenBytes > 0 ? StatusCode.NotAuthenticated : StatusCode.Ok;
        }

        if (status != expected)
        {
            return "HELLO answered " + status + ", expected " + expected;
        }

        if (status != StatusCode.Ok)
        {
            return reply.Length == MessageHeader.ReplyHeaderBytes ? null : "an error reply carries data";
        }

        byte[] data = Wire.DataOf(reply);
        if (data.Length < MessageCatalog.HelloFixedReplyBytes || data.Length != MessageCatalog.HelloFixedReplyBytes + data[MessageCatalog.HelloNameLengthOffset] || data[0] != ProtocolLimits.ProtocolVersion)
        {
            return "HELLO reply layout";
        }

        return data[MessageCatalog.HelloAuthenticatedOffset] == (matches ? 1 : 0) ? null : "HELLO authenticated byte " + data[MessageCatalog.HelloAuthenticatedOffset];
    }
}
