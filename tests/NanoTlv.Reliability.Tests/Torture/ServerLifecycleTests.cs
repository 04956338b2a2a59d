using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NanoTlv.Firmware;
using NanoTlv.Firmware.Net;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using NanoTlv.VirtualDevice;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Torture;

/// <summary>
/// The ESP32 application builds a new DeviceServer each time the network comes back, so starting and stopping
/// must leave nothing behind, Stop must apply the failsafe levels of connected clients, and Stop must end a
/// session even while it is blocked sending to a client that does not read.
/// </summary>
public sealed class ServerLifecycleTests
{
    private const int CiRestarts = 30;
    private const int FailsafePin = 23;
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;

    public ServerLifecycleTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void StartAndStopWithConnectedClients_ManyTimes_AppliesFailsafe_AndLeaksNoThreadsOrSockets()
    {
        int restarts = ReliabilitySettings.Scaled(CiRestarts);
        RunRestarts(3);
        ResourceSnapshot before = ResourceSnapshot.Take();
        var clock = Stopwatch.StartNew();
        RunRestarts(restarts);
        clock.Stop();
        Wait.TryUntil(() => ResourceSnapshot.CountSockets() <= before.Sockets, Wait.Long);
        ResourceSnapshot after = ResourceSnapshot.Take();
        _output.WriteLine("{0} start/stop cycles with two connected clients in {1:F1} s", restarts, clock.Elapsed.TotalSeconds);
        _output.WriteLine("before: " + before);
        _output.WriteLine("after:  " + after);
        Assert.True(after.Sockets <= before.Sockets, "Sockets leaked: " + before.Sockets + " before, " + after.Sockets + " after.");
        Assert.True(after.Threads <= before.Threads + 2, "Threads leaked: " + before.Threads + " before, " + after.Threads + " after.");
        Assert.True(after.ManagedBytes - before.ManagedBytes <= 1024 * 1024, "Managed memory grew by " + (after.ManagedBytes - before.ManagedBytes) + " bytes.");
    }

    [Fact]
    public void Stop_WhileASessionIsBlockedSending_EndsWithinItsBound()
    {
        var device = new RunningDevice();
        RawClient hog;
        TimeSpan stopTook;
        try
        {
            using RawClient idle = device.ConnectServed();
            hog = device.Connect(receiveBufferBytes: 1024);
            Requests.ArmFailsafe(hog, FailsafePin, failsafeHigh: true, firstId: 1);
            byte[] ping = Wire.RequestFrame(Opcode.Ping, 2, new byte[1000]);
            using var sender = new BackgroundSender(hog, ping);
            Assert.True(sender.WaitStalled(TimeSpan.FromMilliseconds(500), Wait.Long), "The device never stopped reading (it should block sending replies nobody reads).");
            var clock = Stopwatch.StartNew();
            device.Dispose();
            stopTook = clock.Elapsed;
            Assert.True(idle.WaitClosedByDevice(Wait.Long), "Stop did not close an idle client.");
        }
        finally
        {
            device.Dispose();
        }

        hog.Dispose();
        _output.WriteLine("Stop with a session blocked in send took {0:F2} s", stopTook.TotalSeconds);
        Assert.True(stopTook < StopBound, "Stop took " + stopTook.TotalSeconds + " s.");
        Assert.Equal(0, device.Server.ActiveSessions);
        Assert.True(device.Board.IsHigh(FailsafePin), "Stop did not apply the failsafe level of the blocked client.");
        Assert.DoesNotContain(device.Log.Lines, line => line.Contains("did not stop", StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>DeviceServer.Run</c> refuses to run once <c>Stop</c> was called (a server runs once) and closes the
    /// listener it was handed, so a <c>Stop</c> that wins the race against <c>Run</c> (the ESP32 <c>ServerRun</c>
    /// creates the listener inside its thread: network lost right after it came back) never leaves the port bound.
    /// </summary>
    [Fact]
    public void RunAfterStop_IsRefused_AndUnbindsTheListener()
    {
        using var board = new VirtualBoard();
        var server = new DeviceServer(board.Services, new DeviceOptions(), new TestLog());
        server.Stop();
        var listener = new SocketTransportListener(IPAddress.Loopback, 0, SocketTransportListener.PlatformMaximumBacklog);
        try
        {
            Assert.Throws<InvalidOperationException>(() => server.Run(listener));
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            bool stillBound = false;
            try
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, listener.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                stillBound = true;
            }

            Assert.False(stillBound, "Run refused to run after Stop but left its listener bound to port " + listener.Port + ".");
        }
        finally
        {
            listener.Close();
        }
    }

    private static void RunRestarts(int restarts)
    {
        for (int restart = 0; restart < restarts; restart++)
        {
            bool failsafeHigh = restart % 2 == 0;
            RawClient first;
            RawClient second;
            var device = new RunningDevice(logCapacity: 16);
            try
            {
                first = device.ConnectServed();
                second = device.ConnectServed();
                Requests.ArmFailsafe(first, FailsafePin, failsafeHigh, firstId: 1);
                second.SendFrame(Wire.Request(Opcode.Ping, 9)[..2]);
            }
            finally
            {
                device.Dispose();
            }

            Assert.Equal(failsafeHigh, device.Board.IsHigh(FailsafePin));
            Assert.True(first.WaitClosedByDevice(Wait.Long) && second.WaitClosedByDevice(Wait.Long), "Stop left a client connected.");
            first.Dispose();
            second.Dispose();
        }
    }
}
