using System.Diagnostics;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Torture;

/// <summary>
/// An input toggled thousands of times as fast as the test can (no debounce) while a subscriber listens and
/// other clients keep sending commands: every change reaches the subscriber once, in order; commands are
/// answered throughout (each within a bounded wait); nothing deadlocks; afterwards failsafe and PING work.
/// </summary>
public sealed class InputStormTests
{
    private const int InputPin = 34;
    private const int FailsafePin = 4;
    private const int CiToggles = 5_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper _output;

    public InputStormTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void InputStorm_SubscriberGetsEveryChange_SessionsStayResponsive_FailsafeHoldsAfterwards()
    {
        int toggles = ReliabilitySettings.Scaled(CiToggles);
        using var device = new RunningDevice();
        using RawClient bystander = device.ConnectServed();
        RawClient subscriber = device.ConnectServed();
        Requests.ArmFailsafe(subscriber, FailsafePin, failsafeHigh: true, firstId: 10);
        Requests.Subscribe(subscriber, InputPin, firstId: 20);

        using var pump = new ReplyPump(subscriber);
        var storm = StartStorm(device, toggles);
        var clock = Stopwatch.StartNew();
        ushort id = 100;
        int subscriberPings = 0;
        int bystanderPings = 0;
        while (storm.IsAlive || subscriberPings < 10)
        {
            id++;
            subscriber.SendFrame(Wire.Request(Opcode.Ping, id, (byte)id));
            Assert.Equal(Wire.Reply(Opcode.Ping, id, StatusCode.Ok, (byte)id), pump.NextReply(Wait.Long));
            subscriberPings++;
            Requests.Ping(bystander, id);
            bystanderPings++;
            Assert.True(clock.Elapsed < Budget, "The storm did not end within " + Budget.TotalSeconds + " s.");
        }

        Wait.Join(storm, Budget, "the storm");
        Wait.Until(() => pump.EventCount >= toggles, Budget, "every change reached the subscriber (" + pump.EventCount + " of " + toggles + ")");
        Assert.Null(pump.Failure);
        AssertAlternatingChanges(pump.Events, toggles);
        Assert.Null(device.Board.Digital.ListenerFault);

        subscriber.Abort();
        Wait.Until(() => device.Board.IsHigh(FailsafePin), Wait.Long, "GPIO " + FailsafePin + " at its failsafe level after the subscriber vanished");
        Wait.Until(() => !device.Board.Digital.IsReportingChanges(InputPin), Wait.Long, "the subscription ended with its connection");
        device.WaitForActiveSessions(1);
        Requests.Ping(bystander, 1);
        using RawClient next = device.ConnectServed();
        subscriber.Dispose();

        _output.WriteLine("{0} toggles in {1:F2} s, {2} events delivered; {3} subscriber and {4} bystander PINGs answered during the storm",
            toggles, clock.Elapsed.TotalSeconds, pump.EventCount, subscriberPings, bystanderPings);
    }

    /// <summary>
    /// 400,000 changes (5.2 MB of events) cannot all fit in the socket buffers of a subscriber that never reads
    /// (at most 4 MB send buffer on the device side plus a 1 KB receive buffer), so delivery stalls on it until the
    /// device's send timeout drops it. Meanwhile commands of other clients must be answered, and afterwards the
    /// reading subscriber must still get every change.
    /// </summary>
    [Fact]
    public void InputStorm_WithASubscriberThatNeverReads_CommandsAreServed_AndTheStuckClientIsDropped()
    {
        const int StuckToggles = 400_000;
        int toggles = StuckToggles * ReliabilitySettings.TortureScale;
        using var device = new RunningDevice();
        using RawClient bystander = device.ConnectServed();
        RawClient listener = device.ConnectServed();
        Requests.Subscribe(listener, InputPin, firstId: 20);
        using var pump = new ReplyPump(listener);
        RawClient stuck = device.Connect(receiveBufferBytes: 1024);
        Requests.Ping(stuck, 1);
        Requests.Subscribe(stuck, InputPin, firstId: 30);

        var storm = StartStorm(device, toggles);
        var clock = Stopwatch.StartNew();
        ushort id = 100;
        int pings = 0;
        while (storm.IsAlive || pump.EventCount < toggles)
        {
            Requests.Ping(bystander, ++id);
            pings++;
            Assert.True(clock.Elapsed < Budget, "Only " + pump.EventCount + " of " + toggles + " changes reached the reading subscriber within " + Budget.TotalSeconds + " s.");
            Thread.Sleep(1);
        }

        TimeSpan delivered = clock.Elapsed;
        Wait.Join(storm, Budget, "the storm");
        AssertAlternatingChanges(pump.Events, toggles);
        device.WaitForActiveSessions(2);
        Assert.True(device.Log.Contains("connection failed"), "The stuck client's session should end as failed (send timeout).");
        stuck.Abort();
        Requests.Ping(bystander, ++id);
        listener.Dispose();

        _output.WriteLine("{0} toggles; {1} bystander PINGs answered while delivery was stalled; the reading subscriber got all {2} events after {3:F1} s; stuck client dropped",
            toggles, pings, pump.EventCount, delivered.TotalSeconds);
    }

    private static Thread StartStorm(RunningDevice device, int toggles)
    {
        var storm = new Thread(() =>
        {
            for (int i = 0; i < toggles; i++)
            {
                device.Board.DriveInput(InputPin, i % 2 == 0);
            }
        })
        { IsBackground = true, Name = "input storm" };
        storm.Start();
        return storm;
    }

    private static void AssertAlternatingChanges(List<byte[]> events, int toggles)
    {
        Assert.Equal(toggles, events.Count);
        uint previousTimestamp = 0;
        for (int i = 0; i < events.Count; i++)
        {
            byte[] e = events[i];
            Assert.Equal(10, e.Length);
            Assert.Equal(0, Wire.IdOf(e));
            Assert.Equal(StatusCode.Ok, Wire.StatusOf(e));
            Assert.Equal(InputPin, e[4]);
            Assert.True(e[5] == (i % 2 == 0 ? 1 : 0), "Event " + i + " reports level " + e[5] + "; the levels must alternate starting high.");
            uint timestamp = BigEndian.ReadUInt32(e, 6);
            Assert.True(timestamp >= previousTimestamp, "Event " + i + " has an earlier timestamp than the one before.");
            previousTimestamp = timestamp;
        }
    }
}
