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
    private const int HelloFixedDataBytes = 12;
    private const int HelloAuthenticatedOffset = 10;
    private const int HelloNameLengthOffset = 11;
    private const int AnalogDataBytes = 5;
    private const int InternalTemperatureBytes = 4;
    private const int Bme280DataBytes = 12;

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
        byte[] arguments = request[MessageLayout.RequestHeaderBytes..];
        if (reply.Length < MessageLayout.ReplyHeaderBytes || reply[0] != MessageLayout.ReplyCodeFor(opcode) || Wire.IdOf(reply) != id)
        {
            return "not a reply to opcode " + opcode.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " id " + id;
        }

        var status = (StatusCode)reply[MessageLayout.StatusOffset];
        if (!Enum.IsDefined(status) || NeverInAReply.Contains(status))
        {
            return "status " + status + " is not a reply status" + (status == StatusCode.InternalError ? " (a handler threw: see the device log)" : string.Empty);
        }

        StatusCode? decided = Precheck(opcode, arguments);
        if (decided != null)
        {
            return status == decided && reply.Length == MessageLayout.ReplyHeaderBytes ? null : "expected a bare " + decided + " reply";
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
            return reply.Length == MessageLayout.ReplyHeaderBytes ? null : "an error reply carries data";
        }

        byte[] data = Wire.DataOf(reply);
        int? expectedLength = (Opcode)opcode switch
        {
            Opcode.Ping => arguments.Length,
            Opcode.Info => InfoCounters.DataBytes,
            Opcode.Caps => data.Length > 0 ? 1 + (MessageLayout.CapsEntryBytes * data[0]) : 1,
            Opcode.DigitalRead or Opcode.DigitalToggle => 1,
            Opcode.AnalogRead => AnalogDataBytes,
            Opcode.I2cRead or Opcode.I2cWriteRead => arguments[1],
            Opcode.I2cScan => data.Length > 0 ? 1 + data[0] : 1,
            Opcode.SensorRead => arguments[0] == (byte)SensorKind.InternalTemperature ? InternalTemperatureBytes : Bme280DataBytes,
            _ => 0,
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

    private string? CheckHello(byte[] arguments, byte[] reply, StatusCode status)
    {
        int tokenBytes = arguments[1];
        StatusCode expected;
        bool matches = false;
        if (tokenBytes != arguments.Length - 2)
        {
            expected = StatusCode.BadLength;
        }
        else if (arguments[0] != MessageLayout.ProtocolVersion)
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
            return reply.Length == MessageLayout.ReplyHeaderBytes ? null : "an error reply carries data";
        }

        byte[] data = Wire.DataOf(reply);
        if (data.Length < HelloFixedDataBytes || data.Length != HelloFixedDataBytes + data[HelloNameLengthOffset] || data[0] != MessageLayout.ProtocolVersion)
        {
            return "HELLO reply layout";
        }

        return data[HelloAuthenticatedOffset] == (matches ? 1 : 0) ? null : "HELLO authenticated byte " + data[HelloAuthenticatedOffset];
    }
}
