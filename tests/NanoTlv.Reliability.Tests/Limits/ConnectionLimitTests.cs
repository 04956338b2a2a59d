using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;

namespace NanoTlv.Reliability.Tests.Limits;

/// <summary>MaxClients: one connection too many gets ConnectionRejected and is closed; the others carry on.</summary>
public sealed class ConnectionLimitTests
{
    private const int MaxClients = 2;

    [Fact]
    public void ExtraConnection_GetsConnectionRejected_AndIsClosed_ExistingSessionsUndisturbed()
    {
        using var device = new RunningDevice(options => options.MaxClients = MaxClients);
        using RawClient first = device.ConnectServed();
        using RawClient second = device.ConnectServed();
        Requests.ArmFailsafe(first, 13, failsafeHigh: true, firstId: 1);

        for (int attempt = 0; attempt < 5; attempt++)
        {
            using RawClient extra = device.Connect();
            extra.SendFrame(Wire.Request(Opcode.Ping, 77));
            Assert.Equal(Wire.Event(EventCode.ConnectionRejected, StatusCode.Busy, MaxClients), extra.ReadFrame());
            Assert.True(extra.WaitClosedByDevice(Wait.Long), "The rejected connection was not closed.");
            Assert.Equal(0, extra.PendingFrames);
        }

        Requests.Ping(first, 2, 0xAA);
        Requests.Ping(second, 3, 0xBB);
        Assert.False(device.Board.IsHigh(13), "A rejection must not touch the pins of running sessions.");
        InfoCounters info = InfoCounters.Read(second);
        Assert.Equal(MaxClients, info.Clients);
        Assert.Equal(MaxClients, info.MaxClients);

        first.Dispose();
        Wait.Until(() => device.Board.IsHigh(13), Wait.Long, "the closed session's failsafe level");
        device.WaitForActiveSessions(1);
        using RawClient replacement = device.ConnectServed();
        Requests.Ping(second, 4);
    }

    [Fact]
    public void ManyRejectedConnectionsAtOnce_DoNotDisturbAPipeliningSession()
    {
        using var device = new RunningDevice(options => options.MaxClients = 1);
        using RawClient worker = device.ConnectServed();
        var rejections = new Thread(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                using RawClient extra = device.Connect();
                Assert.Equal((byte)EventCode.ConnectionRejected, extra.ReadFrame()[0]);
            }
        })
        { IsBackground = true, Name = "rejections" };
        rejections.Start();
        for (ushort id = 1; id <= 500; id++)
        {
            Requests.Ping(worker, id, (byte)id, (byte)(id >> 8));
        }

        Wait.Join(rejections, TimeSpan.FromMinutes(1), "the rejected connections");
        Requests.Ping(worker, 501);
        Assert.Equal(1, device.Server.ActiveSessions);
    }
}
