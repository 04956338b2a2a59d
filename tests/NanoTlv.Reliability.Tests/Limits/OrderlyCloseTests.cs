using System.Diagnostics;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Limits;

/// <summary>
/// Every way the device closes a connection is an orderly one: the client reads the last reply or event every
/// time, also when it had sent more bytes the device never read (closing a socket with unread input makes the
/// stack reset the connection, and a reset can destroy data on its way). 1,000 tries per path (CI;
/// × NANOTLV_TORTURE_SCALE) for a rejected connection and too many wrong tokens; the idle timeout and the server
/// stop wait for a timer or a whole device per try, so CI runs 100 of them and <c>NANOTLV_TORTURE_SCALE=10</c> 1,000.
/// </summary>
public sealed class OrderlyCloseTests
{
    private const int CiTries = 1_000;
    private const string Token = "orderly";
    private static readonly TimeSpan FrameWait = TimeSpan.FromSeconds(5);

    private readonly ITestOutputHelper _output;

    public OrderlyCloseTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void RejectedConnection_ReadsConnectionRejected_EveryTime_ThoughItSentARequestFirst()
    {
        using var device = new RunningDevice(options => options.MaxClients = 1, logCapacity: 64);
        using RawClient holder = device.ConnectServed();
        byte[] expected = Wire.Event(EventCode.ConnectionRejected, StatusCode.Busy, 1);

        Run("rejected connection", tries =>
        {
            using RawClient client = device.Connect();
            client.SendFrame(Wire.Request(Opcode.Ping, 1, new byte[64]));
            return client.TryReadFrame(FrameWait, out byte[]? frame) && frame!.AsSpan().SequenceEqual(expected);
        });
    }

    [Fact]
    public void TooManyWrongTokens_TheLastRefusalArrives_EveryTime_WhileTheClientKeepsSending()
    {
        using var device = new RunningDevice(
            options =>
            {
                options.AuthToken = Token;
                options.FailedHelloDelayMs = Firmware.DeviceOptions.ThrottlingOff;
                options.MaxFailedHellosPerConnection = 1;
                options.MaxRecentFailedHellos = Firmware.DeviceOptions.ThrottlingOff;
            },
            logCapacity: 64);
        byte[] pings = Enumerable.Range(2, 20).SelectMany(id => Hex.Frame(Wire.Request(Opcode.Ping, (ushort)id, new byte[32]))).ToArray();

        Run("too many wrong tokens", tries =>
        {
            while (true)
            {
                using RawClient client = device.Connect();
                client.SendFrame(Wire.Hello(1, "wrong"));
                TrySend(client, pings);
                if (!client.TryReadFrame(FrameWait, out byte[]? frame))
                {
                    return false;
                }

                // The previous tries' sessions may still be closing (every slot busy): connect again.
                if (frame![0] != (byte)EventCode.ConnectionRejected)
                {
                    return Wire.IdOf(frame) == 1 && Wire.StatusOf(frame) == StatusCode.NotAuthenticated;
                }
            }
        });
    }

    [Fact]
    public void IdleTimeout_TheLastReplyArrives_EveryTime_WhileTheClientSendsGarbage()
    {
        // Enough slots that earlier tries' sessions, still closing, never make the device reject the next one.
        using var device = new RunningDevice(
            options =>
            {
                // Long enough that a descheduled session still reads the PING before the timeout on a busy machine.
                options.IdleTimeoutMs = 30;
                options.MaxClients = 16;
            },
            logCapacity: 64);
        byte[] garbage = Enumerable.Repeat((byte)0x55, 64).ToArray();

        // Each try waits out the timeout (~60 ms on a busy machine): a tenth of the tries in CI, all at scale 10.
        Run("idle timeout", ReliabilitySettings.Scaled(CiTries) / 10, tries =>
        {
            using RawClient client = device.Connect();
            client.SendFrame(Wire.Request(Opcode.Ping, 7, 1, 2, 3));
            // Garbage is not activity: the device closes at the idle timeout while it keeps arriving.
            var clock = Stopwatch.StartNew();
            while (!client.PeerClosed && clock.Elapsed < FrameWait && TrySend(client, garbage))
            {
                client.WaitClosedByDevice(TimeSpan.FromMilliseconds(2));
            }

            return client.TryReadFrame(FrameWait, out byte[]? frame) && Wire.IdOf(frame!) == 7 && Wire.StatusOf(frame!) == StatusCode.Ok;
        });
    }

    [Fact]
    public void ServerStop_TheLastReplyArrives_EveryTime_ThoughTheClientSendsAfterTheClose()
    {
        // A whole device starts and stops per try (~50 ms): a tenth of the tries in CI, all of them at scale 10.
        int tries = ReliabilitySettings.Scaled(CiTries) / 10;
        Run("server stop", tries, _ =>
        {
            var device = new RunningDevice(logCapacity: 16);
            RawClient client;
            try
            {
                client = device.Connect();
                client.SendFrame(Wire.Request(Opcode.Ping, 3));
                Wait.Until(() => client.UnreadBytes > 0, Wait.Long, "the reply reaches the client");
                client.Send([0x72, 0x00]);
            }
            finally
            {
                // Stop with a partial frame in the session and the reply unread by the client.
                device.Dispose();
            }

            using (client)
            {
                TrySend(client, [0x09]);
                return client.TryReadFrame(FrameWait, out byte[]? frame) && Wire.IdOf(frame!) == 3 && Wire.StatusOf(frame!) == StatusCode.Ok;
            }
        });
    }

    private void Run(string path, Func<int, bool> attempt) => Run(path, ReliabilitySettings.Scaled(CiTries), attempt);

    private void Run(string path, int tries, Func<int, bool> attempt)
    {
        var clock = Stopwatch.StartNew();
        int lost = 0;
        for (int tryIndex = 0; tryIndex < tries; tryIndex++)
        {
            if (!attempt(tryIndex))
            {
                lost++;
            }
        }

        _output.WriteLine("{0}: {1} tries in {2:F1} s, final message lost {3} times", path, tries, clock.Elapsed.TotalSeconds, lost);
        Assert.True(lost == 0, path + ": the client did not read the final message in " + lost + " of " + tries + " tries.");
    }

    private static bool TrySend(RawClient client, byte[] bytes)
    {
        try
        {
            client.Send(bytes);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
