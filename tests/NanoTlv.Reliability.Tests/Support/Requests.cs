using NanoTlv.Messages;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>Common request sequences, sent pipelined and checked reply by reply.</summary>
public static class Requests
{
    /// <summary>PIN_MODE output, FAILSAFE pin=<paramref name="failsafeHigh"/> (accepted on an output only), DIGITAL_WRITE
    /// the opposite level: the pin is driven away from its failsafe level and controlled by this connection.</summary>
    public static void ArmFailsafe(RawClient client, int pin, bool failsafeHigh, ushort firstId)
    {
        byte failsafe = failsafeHigh ? (byte)1 : (byte)0;
        byte driven = failsafeHigh ? (byte)0 : (byte)1;
        client.Send([
            .. Wire.RequestFrame(Opcode.PinMode, firstId, (byte)pin, (byte)PinMode.Output),
            .. Wire.RequestFrame(Opcode.Failsafe, (ushort)(firstId + 1), (byte)pin, failsafe),
            .. Wire.RequestFrame(Opcode.DigitalWrite, (ushort)(firstId + 2), (byte)pin, driven),
        ]);
        Assert.Equal(Wire.Reply(Opcode.PinMode, firstId, StatusCode.Ok), client.ReadReply());
        Assert.Equal(Wire.Reply(Opcode.Failsafe, (ushort)(firstId + 1), StatusCode.Ok), client.ReadReply());
        Assert.Equal(Wire.Reply(Opcode.DigitalWrite, (ushort)(firstId + 2), StatusCode.Ok), client.ReadReply());
    }

    /// <summary>PIN_MODE input and SUBSCRIBE both edges without debounce, each answered Ok.</summary>
    public static void Subscribe(RawClient client, int pin, ushort firstId)
    {
        client.Send([
            .. Wire.RequestFrame(Opcode.PinMode, firstId, (byte)pin, (byte)PinMode.Input),
            .. Wire.RequestFrame(Opcode.Subscribe, (ushort)(firstId + 1), (byte)pin, (byte)PinEdges.Both, 0, 0),
        ]);
        Assert.Equal(Wire.Reply(Opcode.PinMode, firstId, StatusCode.Ok), client.ReadReply());
        Assert.Equal(Wire.Reply(Opcode.Subscribe, (ushort)(firstId + 1), StatusCode.Ok), client.ReadReply());
    }

    public static void Ping(RawClient client, ushort id, params byte[] data) =>
        Assert.Equal(Wire.Reply(Opcode.Ping, id, StatusCode.Ok, data), client.Call(Wire.Request(Opcode.Ping, id, data)));
}
