using System.Diagnostics;
using NanoTlv.Framing;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Limits;

/// <summary>
/// A client that trickles a frame one byte a second, or starts a frame and never finishes it, holds only its own
/// slot and is dropped at the receive timeout while the other clients keep being served. The receive timeout is
/// per frame: a client that is merely slow between whole frames stays connected.
/// </summary>
public sealed class SlowClientTests
{
    private const int ReceiveTimeoutMs = 1500;
    private static readonly TimeSpan TrickleInterval = TimeSpan.FromSeconds(1);

    private readonly ITestOutputHelper _output;

    public SlowClientTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void TricklingOneByteASecond_IsDroppedAtTheReceiveTimeout_OthersKeepBeingServed()
    {
        using var device = new RunningDevice(ConfigureShortTimeouts);
        using RawClient busy = device.ConnectServed();
        RawClient trickler = device.ConnectServed(pingId: 1);
        Requests.ArmFailsafe(trickler, 17, failsafeHigh: true, firstId: 2);
        byte[] frame = Wire.RequestFrame(Opcode.Ping, 9, new byte[32]);
        var clock = Stopwatch.StartNew();
        int trickled = 0;
        ushort id = 100;
        DateTime nextByte = DateTime.UtcNow;
        while (!trickler.PeerClosed && trickled < frame.Length)
        {
            if (DateTime.UtcNow >= nextByte)
            {
                try
                {
                    trickler.Send(frame, trickled, 1);
                    trickled++;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    break;
                }

                nextByte += TrickleInterval;
            }

            Requests.Ping(busy, ++id);
            trickler.WaitClosedByDevice(TimeSpan.FromMilliseconds(20));
            Assert.True(clock.Elapsed < Wait.Long, "The trickling client was not dropped within " + Wait.Long.TotalSeconds + " s.");
        }

        Assert.True(trickler.PeerClosed || trickler.WaitClosedByDevice(Wait.Long), "The trickling client was not dropped.");
        Assert.True(trickled < frame.Length, "The whole frame trickled through before the receive timeout.");
        Assert.Equal(0, trickler.PendingFrames);
        Wait.Until(() => device.Board.IsHigh(17), Wait.Long, "failsafe of the dropped client");
        Assert.True(device.Log.Contains("receive timeout"), "The drop was not logged as a receive timeout:" + Environment.NewLine + device.Log);
        device.WaitForActiveSessions(1);
        Requests.Ping(busy, ++id);
        trickler.Dispose();
        _output.WriteLine("trickled {0} of {1} bytes; dropped after {2:F1} s; {3} PINGs of another client answered meanwhile", trickled, frame.Length, clock.Elapsed.TotalSeconds, id - 100);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void FrameStartedAndNeverFinished_IsDroppedAtTheReceiveTimeout(int bytesSent)
    {
        using var device = new RunningDevice(ConfigureShortTimeouts);
        using RawClient busy = device.ConnectServed();
        using RawClient stalled = device.ConnectServed(pingId: 1);
        stalled.Send(Wire.RequestFrame(Opcode.Ping, 2, new byte[64])[..bytesSent]);
        ushort id = 10;
        var clock = Stopwatch.StartNew();
        while (!stalled.WaitClosedByDevice(TimeSpan.FromMilliseconds(50)))
        {
            Requests.Ping(busy, ++id);
            Assert.True(clock.Elapsed < Wait.Long, "The stalled client was not dropped.");
        }

        Assert.Equal(0, stalled.PendingFrames);
        device.WaitForActiveSessions(1);
        Requests.Ping(busy, ++id);
    }

    [Fact]
    public void OversizedFrameLeftUnfinished_IsDroppedAtTheReceiveTimeout()
    {
        using var device = new RunningDevice(ConfigureShortTimeouts);
        using RawClient stalled = device.ConnectServed(pingId: 1);
        stalled.Send([FrameFormat.Marker, 0xFF, 0xFF, 1, 2, 3]);
        Assert.Equal(Wire.FrameTooLargeEvent(0xFFFF, device.Options.MaxPayloadBytes), stalled.ReadFrame());
        Assert.True(stalled.WaitClosedByDevice(Wait.Long), "A client that stops inside an oversized frame's discard was not dropped.");
    }

    [Fact]
    public void SlowBetweenWholeFrames_IsNotDroppedByTheReceiveTimeout()
    {
        using var device = new RunningDevice(ConfigureShortTimeouts);
        using RawClient slow = device.ConnectServed(pingId: 1);
        for (ushort id = 2; id <= 3; id++)
        {
            Assert.False(slow.WaitClosedByDevice(TimeSpan.FromMilliseconds(ReceiveTimeoutMs + 500)), "A client idle between whole frames was dropped by the receive timeout.");
            Requests.Ping(slow, id);
        }
    }

    /// <summary>A client that pipelines requests and never reads the replies fills the device's send buffer;
    /// the session blocks in send until the transport's send timeout (10 s) and is then dropped, failsafe applied.
    /// Other clients are served the whole time. (PINGs of 200 bytes: their echoes go through the reply batch.)</summary>
    [Fact]
    public void NotReadingReplies_IsDroppedAtTheSendTimeout_OthersKeepBeingServed()
    {
        using var device = new RunningDevice(options => options.MaxClients = 3);
        using RawClient busy = device.ConnectServed();
        RawClient hog = device.Connect(receiveBufferBytes: 1024);
        Requests.ArmFailsafe(hog, 19, failsafeHigh: true, firstId: 1);
        byte[] ping = Wire.RequestFrame(Opcode.Ping, 7, new byte[200]);
        var clock = Stopwatch.StartNew();
        using (var sender = new BackgroundSender(hog, [.. ping, .. ping, .. ping, .. ping]))
        {
            ushort id = 10;
            while (!device.Board.IsHigh(19))
            {
                Requests.Ping(busy, ++id);
                Thread.Sleep(10);
                Assert.True(clock.Elapsed < NotReadingBound, "The client that never reads was not dropped within " + NotReadingBound.TotalSeconds + " s:" + Environment.NewLine + device.Log);
            }

            _output.WriteLine("client that never reads: {0:N0} bytes accepted, dropped after {1:F1} s; {2} PINGs of another client answered meanwhile",
                sender.BytesSent, clock.Elapsed.TotalSeconds, id - 10);
        }

        device.WaitForActiveSessions(1);
        Assert.True(device.Log.Contains("connection failed"), "The dropped session was not logged as failed:" + Environment.NewLine + device.Log);
        Requests.Ping(busy, 1);
        hog.Dispose();
    }

    /// <summary>
    /// A PING echo too large for the reply batch is streamed straight from the request by the session output
    /// (CommandDispatcher → SessionOutput.QueueEcho). When that send fails (the client stopped reading and the 10 s send timeout
    /// expires), it is a transport failure, not a command failure: the session ends, the client is dropped and its
    /// failsafe applies, as for batched replies; nothing is logged as "PING failed".
    /// </summary>
    [Fact]
    public void SendTimeoutInsideALargePingEcho_EndsTheSession()
    {
        using var device = new RunningDevice(options => options.MaxClients = 3);
        RawClient hog = device.Connect(receiveBufferBytes: 1024);
        Requests.ArmFailsafe(hog, 19, failsafeHigh: true, firstId: 1);
        byte[] ping = Wire.RequestFrame(Opcode.Ping, 7, new byte[device.Options.MaxPayloadBytes - MessageHeader.RequestHeaderBytes]);
        using (var sender = new BackgroundSender(hog, [.. ping, .. ping, .. ping, .. ping]))
        {
            // Either the session ends (the failsafe applies) or the send failure shows up as a command failure.
            Wait.Until(() => device.Board.IsHigh(19) || device.Log.Contains("PING failed"), NotReadingBound, "the client that never reads is dropped");
            Assert.True(
                device.Board.IsHigh(19),
                "A send timeout inside the PING handler's direct reply was logged as a command failure and the session carried on " +
                "(active sessions: " + device.Server.ActiveSessions + "):" + Environment.NewLine + device.Log);
            device.WaitForActiveSessions(0);
            Assert.True(device.Log.Contains("connection failed"), "The dropped session was not logged as failed:" + Environment.NewLine + device.Log);
            Assert.False(device.Log.Contains("PING failed"), "The send failure was also reported as a command failure:" + Environment.NewLine + device.Log);
        }

        hog.Dispose();
    }

    private static readonly TimeSpan NotReadingBound = TimeSpan.FromSeconds(60);

    private static void ConfigureShortTimeouts(Firmware.DeviceOptions options)
    {
        options.ReceiveTimeoutMs = ReceiveTimeoutMs;
        options.IdleTimeoutMs = Firmware.DeviceOptions.NoIdleTimeout;
        options.MaxClients = 3;
    }
}
