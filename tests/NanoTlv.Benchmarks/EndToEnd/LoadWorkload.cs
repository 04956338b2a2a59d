using System;
using System.Linq;
using NanoTlv.Benchmarks.Device;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// A message the end-to-end load moves, as the device sees it (request and its real reply) and as the echo
/// server sees it (the request, echoed unchanged: the same request bytes, a reply one byte shorter or longer).
/// </summary>
public sealed class LoadWorkload
{
    /// <summary>Output pins DIGITAL_WRITE connections use, one per connection (wrapping after 13).</summary>
    public static readonly byte[] OutputPins = [4, 13, 14, 16, 17, 18, 19, 23, 25, 26, 27, 32, 33];

    private const ushort SetupId = 0xFFFF;

    private readonly Func<int, ConnectionScript> _device;

    private LoadWorkload(string name, Func<int, ConnectionScript> device)
    {
        Name = name;
        _device = device;
    }

    /// <summary>Name in tables.</summary>
    public string Name { get; }

    /// <summary>PING with <paramref name="payloadBytes"/> bytes to echo.</summary>
    public static LoadWorkload Ping(int payloadBytes)
    {
        byte[] payload = Enumerable.Range(1, payloadBytes).Select(i => (byte)i).ToArray();
        return new LoadWorkload(
            $"PING {payloadBytes} B",
            _ => new ConnectionScript(Request(Opcode.Ping, payload), Reply(Opcode.Ping, payload)));
    }

    /// <summary>DIGITAL_WRITE high, each connection on its own output pin, set up with PIN_MODE output.</summary>
    public static LoadWorkload DigitalWrite() => new(
        "DIGITAL_WRITE",
        connection =>
        {
            byte pin = OutputPins[connection % OutputPins.Length];
            return new ConnectionScript(
                Request(Opcode.DigitalWrite, [pin, 1]),
                Reply(Opcode.DigitalWrite, []),
                Request(Opcode.PinMode, [pin, (byte)PinMode.Output], SetupId),
                Reply(Opcode.PinMode, [], SetupId));
        });

    /// <summary>The script of connection <paramref name="connection"/> against the device.</summary>
    public ConnectionScript ForDevice(int connection) => _device(connection);

    /// <summary>The script of connection <paramref name="connection"/> against the echo server: the same
    /// request, echoed unchanged, no setup.</summary>
    public ConnectionScript ForEcho(int connection)
    {
        byte[] request = _device(connection).Request;
        return new ConnectionScript(request, (byte[])request.Clone());
    }

    private static byte[] Request(Opcode opcode, byte[] arguments, ushort id = DeviceCommand.RequestId)
    {
        var frame = new byte[FrameFormat.HeaderBytes + MessageHeader.RequestHeaderBytes + arguments.Length];
        var writer = new MessageWriter(frame);
        writer.BeginRequest(opcode, id);
        writer.WriteBytes(arguments, 0, arguments.Length);
        writer.EndMessage();
        return frame;
    }

    private static byte[] Reply(Opcode opcode, byte[] data, ushort id = DeviceCommand.RequestId)
    {
        var frame = new byte[FrameFormat.HeaderBytes + MessageHeader.ReplyHeaderBytes + data.Length];
        var writer = new MessageWriter(frame);
        writer.BeginReply((byte)opcode, id, StatusCode.Ok);
        writer.WriteBytes(data, 0, data.Length);
        writer.EndMessage();
        return frame;
    }
}
