using System.Diagnostics;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Security;

/// <summary>
/// KNOWN DEFECT (security, design): with a token configured, clients that never authenticate can hold every
/// connection slot forever, because PING is allowed without the token and every PING resets the idle timeout.
/// The owner holding the token is then turned away with ConnectionRejected indefinitely. Expected: a connection
/// that has not authenticated within the idle timeout (or a dedicated authentication deadline) is closed, or
/// unauthenticated PINGs do not count as activity. Tagged <c>Category=KnownDefect</c>; fails until fixed.
/// </summary>
[Trait("Category", "KnownDefect")]
public sealed class SlotSquattingDefectTests
{
    private const string Token = "owner-token";
    private const int IdleTimeoutMs = 1000;
    private static readonly TimeSpan OwnerPatience = TimeSpan.FromMilliseconds(IdleTimeoutMs * 6);

    private readonly ITestOutputHelper _output;

    public SlotSquattingDefectTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Defect_UnauthenticatedClientsPinging_HoldEverySlot_AndLockTheOwnerOut()
    {
        using var device = DeviceScope.Start(options =>
        {
            options.AuthToken = Token;
            options.MaxClients = 2;
            options.IdleTimeoutMs = IdleTimeoutMs;
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

                Thread.Sleep(IdleTimeoutMs / 4);
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
        _output.WriteLine("owner with the token: rejected {0} times over {1:F1} s while two unauthenticated clients kept pinging; served: {2}", rejected, clock.Elapsed.TotalSeconds, served);
        Assert.True(served, "Two clients without the token held both slots for " + clock.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) +
            " s (" + (OwnerPatience.TotalMilliseconds / IdleTimeoutMs) + "x the idle timeout) by pinging; the owner was rejected " + rejected + " times.");
    }
}
