using NanoTlv.Framing;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;

namespace NanoTlv.Reliability.Tests.Limits;

/// <summary>MaxPayloadBytes: a frame up to the maximum is served, one byte more is discarded while streaming and
/// reported, and the connection carries on.</summary>
public sealed class MaxPayloadTests
{
    [Theory]
    [InlineData(DeviceOptionsMinimum)]
    [InlineData(1024)]
    [InlineData(4000)]
    public void FrameAtTheMaximum_IsServed_OneByteMore_IsReportedAndSkipped(int maxPayloadBytes)
    {
        using var device = new RunningDevice(options => options.MaxPayloadBytes = maxPayloadBytes);
        using RawClient client = device.ConnectServed(pingId: 1);
        var random = new Random(maxPayloadBytes);
        byte[] fits = new byte[maxPayloadBytes - MessageHeader.RequestHeaderBytes];
        random.NextBytes(fits);
        byte[] tooLong = new byte[fits.Length + 1];
        random.NextBytes(tooLong);

        client.Send([
            .. Wire.RequestFrame(Opcode.Ping, 2, fits),
            .. Wire.RequestFrame(Opcode.Ping, 3, tooLong),
            .. Wire.RequestFrame(Opcode.Ping, 4, 0x72, 0x72),
        ]);
        Assert.Equal(Wire.Reply(Opcode.Ping, 2, StatusCode.Ok, fits), client.ReadFrame());
        Assert.Equal(Wire.FrameTooLargeEvent(maxPayloadBytes + 1, maxPayloadBytes), client.ReadFrame());
        Assert.Equal(Wire.Reply(Opcode.Ping, 4, StatusCode.Ok, 0x72, 0x72), client.ReadFrame());
    }

    [Fact]
    public void LargestEncodableLength_IsDiscardedWithoutBuffering_AndTheNextFrameServed()
    {
        using var device = new RunningDevice();
        using RawClient client = device.ConnectServed(pingId: 1);
        byte[] body = new byte[FrameFormat.MaxEncodablePayloadBytes];
        Array.Fill(body, FrameFormat.Marker);
        client.Send([FrameFormat.Marker, 0xFF, 0xFF, .. body, .. Wire.RequestFrame(Opcode.Ping, 2, 9)]);
        Assert.Equal(Wire.FrameTooLargeEvent(FrameFormat.MaxEncodablePayloadBytes, device.Options.MaxPayloadBytes), client.ReadFrame());
        Assert.Equal(Wire.Reply(Opcode.Ping, 2, StatusCode.Ok, 9), client.ReadFrame());
        InfoCounters info = InfoCounters.Read(client, 3);
        Assert.Equal(1u, info.OversizedFrames);
        Assert.Equal(0u, info.Resyncs);
    }

    private const int DeviceOptionsMinimum = Firmware.DeviceOptions.MinMaxPayloadBytes;
}
