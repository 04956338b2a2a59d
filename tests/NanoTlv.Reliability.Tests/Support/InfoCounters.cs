using NanoTlv.Messages;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>The INFO reply's data, decoded.</summary>
public sealed record InfoCounters(
    uint UptimeMs, uint FreeMemory, uint TotalMemory, uint FramesReceived, uint BytesReceived, uint FramesSent,
    uint Resyncs, uint SkippedBytes, uint OversizedFrames, uint ErrorReplies, byte Clients, byte MaxClients,
    uint FailedAuthentications, uint RejectedConnections)
{
    public const int DataBytes = MessageCatalog.InfoReplyBytes;

    /// <summary>Asks the device for INFO over <paramref name="client"/> and decodes the reply.</summary>
    public static InfoCounters Read(RawClient client, ushort id = 0xFFF1) => Parse(client.Call(Wire.Request(Opcode.Info, id)));

    public static InfoCounters Parse(byte[] replyPayload)
    {
        byte[] data = Wire.DataOf(replyPayload);
        if (data.Length != DataBytes)
        {
            throw new FormatException("INFO data has " + data.Length + " bytes, not " + DataBytes + ".");
        }

        uint U(int index) => BigEndian.ReadUInt32(data, index * 4);
        return new InfoCounters(
            U(0), U(1), U(2), U(3), U(4), U(5), U(6), U(7), U(8), U(9), data[40], data[41],
            BigEndian.ReadUInt32(data, 42), BigEndian.ReadUInt32(data, 46));
    }
}
