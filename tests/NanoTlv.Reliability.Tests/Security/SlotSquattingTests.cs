using System.Diagnostics;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Security;

/// <summary>
/// With a token configured, clients that never authenticate cannot hold connection slots: PING is allowed
/// without the token, but a connection that has not authenticated within AuthenticationTimeoutMs is closed, and
/// its requests do not count as activity for the idle timeout. The owner holding the token gets in.
/// </summary>
public sealed class SlotSquattingTests
{
    private const string Token = "owner-token";
    private const int DeadlineMs = 1000;
    private const int LongMs = 120_000;
    private static readonly TimeSpan OwnerPatience = TimeSpan.FromMilliseconds(DeadlineMs * 6);

    private readonly ITestOutputHelper _output;

    public SlotSquattingTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>No idle timeout at all: only the authentication deadline can free the slots.</summary>
    [Fact]
    public void UnauthenticatedClientsPinging_AreClosedAtTheAuthenticationDeadline_AndTheOwnerGetsIn()
    {
        RunSquatters("the authentication deadline", "not authenticated within the authentication timeout", options =>
        {
            options.AuthenticationTimeoutMs = DeadlineMs;
            options.IdleTimeoutMs = Firmware.DeviceOptions.NoIdleTimeout;
        });
    }

    /// <summary>A deadline far away: the idle timeout frees the slots because unauthenticated PINGs are no activity.</summary>
    [Fact]
    public void UnauthenticatedPings_DoNotResetTheIdleTimeout_SoTheOwnerGetsIn()
    {
        RunSquatters("the idle timeout", "no request within the idle timeout", options =>
        {
            options.AuthenticationTimeoutMs = LongMs;
            options.IdleTimeoutMs = DeadlineMs;
        });
    }

    private void RunSquatters(string what, string closedLogLine, Action<Firmware.DeviceOptions> limits)
    {
        using var device = new RunningDevice(options =>
        {
            options.AuthToken = Token;
            options.MaxClients = 2;
            limits(options);
        });
        using RawClient squatter1 = device.ConnectServed();
        using RawClient squatter2 = device.ConnectServed();
        using var stop = new CancellationTokenSource();
        var squatting = new Thread(() =>
        {
            ushort id = 1;
            while (!stop.IsCancellationRequested && !squatter1.PeerClosed && !squatter2.PeerClosed)
            {
                try
                {
                    Requests.Ping(squatter1, id);
                    Requests.Ping(squatter2, id++);
                }
                catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException)
                {
                    return;
                }

                Thread.Sleep(DeadlineMs / 4);
            }
        })
        { IsBackground = true, Name = "squatters" };
        squatting.Start();

        var clock = Stopwatch.StartNew();
        int rejected = 0;
        bool served = false;
        while (!served && clock.Elapsed < OwnerPatience)
        {
            using RawClient owner = device.Connect();
            owner.SendFrame(Wire.Hello(1, Token));
            byte[] first = owner.ReadFrame();
            if (first[0] == (byte)EventCode.ConnectionRejected)
            {
                rejected++;
                Thread.Sleep(250);
            }
            else
            {
                served = Wire.StatusOf(first) == StatusCode.Ok;
            }
        }

        stop.Cancel();
        Wait.Join(squatting, Wait.Long, "the squatters");
        _output.WriteLine("owner with the token ({0}): rejected {1} times over {2:F1} s while two unauthenticated clients kept pinging; served: {3}", what, rejected, clock.Elapsed.TotalSeconds, served);
        Assert.True(served, "Two clients without the token held both slots for " + clock.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) +
            " s (" + (OwnerPatience.TotalMilliseconds / DeadlineMs) + "x " + what + "); the owner was rejected " + rejected + " times.");
        Assert.True(device.Log.Contains(closedLogLine),
            "The squatters were not closed by " + what + ":" + Environment.NewLine + device.Log);
    }
}
