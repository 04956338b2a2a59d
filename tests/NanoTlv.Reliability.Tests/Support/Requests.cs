using NanoTlv.Messages;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>Common request sequences, sent pipelined and checked reply by reply.</summary>
public static class Requests
{
    /// <summary>FAILSAFE pin=<paramref name="failsafeHigh"/>, PIN_MODE output, DIGITAL_WRITE the opposite level:
    /// the pin is driven away from its failsafe level and controlled by this connection.</summary>
    public static void ArmFailsafe(RawClient client, int pin, bool failsafeHigh, ushort firstId)
    {
        byte failsafe = failsafeHigh ? (byte)1 : (byte)0;
        byte driven = failsafeHigh ? (byte)0 : (byte)1;
        client.Send([
            .. Wire.RequestFrame(Opcode.Failsafe, firstId, (byte)pin, failsafe),
            .. Wire.RequestFrame(Opcode.PinMode, (ushort)(firstId + 1), (byte)pin, (byte)PinMode.Output),
            .. Wire.RequestFrame(Opcode.DigitalWrite, (ushort)(firstId + 2), (byte)pin, driven),
        ]);
        Assert.Equal(Wire.Reply(Opcode.Failsafe, firstId, StatusCode.Ok), client.ReadReply());
        Assert.Equal(Wire.Reply(Opcode.PinMode, (ushort)(firstId + 1), StatusCode.Ok), client.ReadReply());
        Assert.Equal(Wire.Reply(Opcode.DigitalWrite, (ushort)(firstId + 2), StatusCode.Ok), client.ReadReply());
    }

    public static void Ping(RawClient client, ushort id, params byte[] data) =>
        Assert.Equal(Wire.Reply(Opcode.Ping, id, StatusCode.Ok, data), client.Call(Wire.Request(Opcode.Ping, id, data)));
}
