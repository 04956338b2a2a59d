using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;

namespace NanoTlv.Reliability.Tests.Limits;

/// <summary>IdleTimeoutMs: no request for that long applies the connection's failsafe levels and closes it;
/// requests keep it alive; bytes that are not requests (garbage, short payloads) do not.</summary>
public sealed class IdleTimeoutTests
{
    private const int IdleTimeoutMs = 1500;
    private const int FailsafePin = 18;

    [Fact]
    public void SilentClient_IsClosedAtTheIdleTimeout_AndItsFailsafeApplies()
    {
        using var device = new RunningDevice(Configure);
        using RawClient client = device.ConnectServed(pingId: 1);
        Requests.ArmFailsafe(client, FailsafePin, failsafeHigh: true, firstId: 2);
        Assert.False(device.Board.IsHigh(FailsafePin));
        Assert.True(client.WaitClosedByDevice(Wait.Long), "The idle client was not closed.");
        Assert.Equal(0, client.PendingFrames);
        Wait.Until(() => device.Board.IsHigh(FailsafePin), Wait.Long, "the failsafe level after the idle timeout");
        Assert.True(device.Log.Contains("idle timeout"), "The close was not logged as an idle timeout:" + Environment.NewLine + device.Log);
        using RawClient next = device.ConnectServed();
    }

    [Fact]
    public void RequestsKeepTheConnectionAlive_NonRequestsDoNot()
    {
        using var device = new RunningDevice(Configure);
        using RawClient client = device.ConnectServed(pingId: 1);
        for (ushort id = 2; id < 8; id++)
        {
            Assert.False(client.WaitClosedByDevice(TimeSpan.FromMilliseconds(IdleTimeoutMs / 3)), "Closed although requests kept coming.");
            Requests.Ping(client, id);
        }

        // Empty frames and garbage are answered with FramingError events but are not requests.
        DateTime giveUp = DateTime.UtcNow + Wait.Long;
        while (!client.PeerClosed && DateTime.UtcNow < giveUp)
        {
            client.Send([0x72, 0x00, 0x00, 0x01, 0x02]);
            client.WaitClosedByDevice(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(client.PeerClosed, "Non-request traffic kept an idle connection open.");
    }

    private static void Configure(Firmware.DeviceOptions options)
    {
        options.IdleTimeoutMs = IdleTimeoutMs;
        options.ReceiveTimeoutMs = 10_000;
    }
}
