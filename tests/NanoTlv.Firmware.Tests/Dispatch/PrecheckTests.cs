using System.Linq;
using NanoTlv.Firmware.Tests.Support;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Firmware.Tests.Dispatch;

/// <summary>The dispatcher's checks that run before any handler: opcode, argument length, authentication.</summary>
public sealed class PrecheckTests
{
    public static TheoryData<byte> Opcodes => new(MessageCatalog.Opcodes.Select(opcode => (byte)opcode));

    [Theory]
    [MemberData(nameof(Opcodes))]
    public void Too_few_or_too_many_argument_bytes_get_BadLength(byte opcode)
    {
        int min = MessageCatalog.MinArgumentBytes(opcode);
        int max = MessageCatalog.MaxArgumentBytes(opcode);
        var requests = new System.Collections.Generic.List<byte[]>();
        if (min > 0)
        {
            requests.Add(Request(opcode, min - 1));
        }

        if (max < 500)
        {
            requests.Add(Request(opcode, max + 1));
        }

        using var device = new TestDevice();
        var replies = device.Serve(requests.Select(Hex.Frame).ToArray()).Frames;

        Assert.Equal(requests.Count, replies.Count);
        Assert.All(replies, reply => Assert.Equal(new byte[] { (byte)(opcode | 0x80), 0x00, 0x07, (byte)StatusCode.BadLength }, reply));
    }

    [Fact]
    public void Every_byte_that_is_not_an_opcode_gets_UnknownOpcode()
    {
        var unknown = Enumerable.Range(0, 256).Where(value => !MessageCatalog.IsKnown((byte)value)).ToArray();
        using var device = new TestDevice();
        var replies = device.Serve(unknown.Select(value => Hex.Frame([(byte)value, 0x12, 0x34, 0xAA])).ToArray()).Frames;

        Assert.Equal(unknown.Length, replies.Count);
        for (int i = 0; i < unknown.Length; i++)
        {
            Assert.Equal(new byte[] { unknown[i] <= 0x6F ? (byte)(unknown[i] | 0x80) : (byte)0x80, 0x12, 0x34, (byte)StatusCode.UnknownOpcode }, replies[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Opcodes))]
    public void With_a_token_configured_only_HELLO_and_PING_run_before_authentication(byte opcode)
    {
        using var device = new TestDevice(options => options.AuthToken = "s3cret");
        byte[] request = Request(opcode, MessageCatalog.MinArgumentBytes(opcode));
        if (opcode == (byte)Opcode.Hello)
        {
            request = Hex.Parse("01 00 07 01 00");
        }

        byte[] reply = device.Exchange(Hex.Format(request))[0];

        bool open = opcode == (byte)Opcode.Hello || opcode == (byte)Opcode.Ping;
        Assert.Equal(open ? StatusCode.Ok : StatusCode.NotAuthenticated, (StatusCode)reply[3]);
        Assert.Equal(open, !MessageCatalog.RequiresAuthentication(opcode));
    }

    [Fact]
    public void Length_is_checked_before_authentication()
    {
        using var device = new TestDevice(options => options.AuthToken = "s3cret");

        Assert.Equal("91 00 01 02", device.LastReply("11 00 01 02"));
        Assert.Equal("91 00 01 0C", device.LastReply("11 00 01 02 01"));
    }

    private static byte[] Request(byte opcode, int argumentBytes)
    {
        byte[] request = new byte[3 + argumentBytes];
        request[0] = opcode;
        request[2] = 0x07;
        return request;
    }
}
