using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;

namespace NanoTlv.Reliability.Tests.Security;

/// <summary>A connection slot is reused: nothing of the previous connection (subscriptions, events) may reach
/// the next one in the same slot.</summary>
public sealed class SessionIsolationTests
{
    private const int InputPin = 35;
    private const int Changes = 10;

    [Fact]
    public void SubscriptionOfAClosedConnection_NeverDeliversToTheNextConnectionInItsSlot()
    {
        using var device = new RunningDevice(options => options.MaxClients = 2);
        using (RawClient first = device.ConnectServed())
        {
            Subscribe(first, 1);
            device.Board.DriveInput(InputPin, true);
            Assert.True(Wire.IsPinChanged(first.ReadFrame()), "The first connection did not get its event.");
        }

        device.WaitForActiveSessions(0);
        Wait.Until(() => !device.Board.Digital.IsReportingChanges(InputPin), Wait.Long, "the closed connection's subscription ended");

        using RawClient reuser = device.ConnectServed();
        using RawClient witness = device.ConnectServed();
        Subscribe(witness, 10);
        for (int i = 0; i < Changes; i++)
        {
            device.Board.DriveInput(InputPin, i % 2 == 1);
        }

        // The line was left high by the first connection's test, so the first change is to low.
        // The witness hearing every change proves the event thread has delivered all of them.
        var witnessEvents = new List<byte[]>();
        while (witnessEvents.Count < Changes)
        {
            witnessEvents.Add(witness.ReadFrame());
        }

        Assert.All(witnessEvents, e => Assert.True(Wire.IsPinChanged(e)));
        Requests.Ping(reuser, 77);
        Assert.False(reuser.TryReadFrame(TimeSpan.FromMilliseconds(200), out byte[]? leaked), "An event reached the slot's next connection: " + (leaked == null ? string.Empty : Hex.Format(leaked)));
    }

    private static void Subscribe(RawClient client, ushort firstId)
    {
        client.Send([
            .. Wire.RequestFrame(Opcode.PinMode, firstId, InputPin, (byte)PinMode.Input),
            .. Wire.RequestFrame(Opcode.Subscribe, (ushort)(firstId + 1), InputPin, (byte)PinEdges.Both, 0, 0),
        ]);
        Assert.Equal(Wire.Reply(Opcode.PinMode, firstId, StatusCode.Ok), client.ReadReply());
        Assert.Equal(Wire.Reply(Opcode.Subscribe, (ushort)(firstId + 1), StatusCode.Ok), client.ReadReply());
    }
}
