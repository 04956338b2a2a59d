using System.Diagnostics;
using System.Threading.Tasks;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Security;

/// <summary>
/// Wrong HELLO tokens are counted, logged without the token and slowed down, per connection and device-wide, so
/// a client cannot try tokens as fast as the network carries them. Defaults: the reply to each wrong token is held
/// back 250 ms, doubling per failure (per connection, or per recent failure on the device) up to 4 s; the fifth wrong
/// token on a connection closes it; ten recent failures on the device (one forgotten every 2 s) start a cool-down
/// in which only a connection's first token is checked (the owner gets in) and a wrong one is held back 2 s per slot.
/// </summary>
/// <remarks>
/// "Slowed down" is checked without assuming a mechanism: after a burst of wrong tokens, the device must
/// either answer some of them with something other than NotAuthenticated (e.g. Busy), close the connection, or
/// spread its answers over at least <see cref="MinimumSpread"/>. A device that answers every wrong token at once
/// fails. A slower machine can only make these tests pass, never fail, so they are not timing-flaky.
/// </remarks>
public sealed class AuthThrottlingTests
{
    private const string Token = "correct-horse-battery-staple";
    private const int Attempts = 16;
    private const int ForgetOneFailureMs = 2000; // the device forgets one recent failure per this (FailedHelloThrottle)
    private static readonly TimeSpan MinimumSpread = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper _output;

    public AuthThrottlingTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void WrongTokens_AreSlowedDown_AndEndTheConnection_PerConnection()
    {
        using var device = new RunningDevice(options => options.AuthToken = Token);
        using RawClient client = device.Connect();
        var burst = new List<byte>();
        for (ushort id = 1; id <= Attempts; id++)
        {
            burst.AddRange(Hex.Frame(Wire.Hello(id, "wrong-guess-" + id)));
        }

        var clock = Stopwatch.StartNew();
        client.Send(burst.ToArray());
        int notAuthenticated = 0;
        bool otherAnswer = false;
        while (notAuthenticated < Attempts && !otherAnswer && client.TryReadFrame(Budget - clock.Elapsed, out byte[]? reply))
        {
            if (Wire.StatusOf(reply!) == StatusCode.NotAuthenticated)
            {
                notAuthenticated++;
            }
            else
            {
                otherAnswer = true;
            }
        }

        clock.Stop();
        _output.WriteLine("{0} wrong tokens on one connection: {1} NotAuthenticated answers in {2:F3} s; other answer: {3}; closed: {4}",
            Attempts, notAuthenticated, clock.Elapsed.TotalSeconds, otherAnswer, client.PeerClosed);
        Assert.True(
            otherAnswer || client.PeerClosed || clock.Elapsed >= MinimumSpread,
            "All " + Attempts + " wrong tokens on one connection were answered NotAuthenticated within " + clock.Elapsed.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) +
            " ms: no per-connection throttling of failed HELLOs (see HelloCommand / FailedHelloThrottle).");
        Assert.True(client.PeerClosed && notAuthenticated == Firmware.DeviceOptions.DefaultMaxFailedHellosPerConnection,
            "Expected the connection closed after " + Firmware.DeviceOptions.DefaultMaxFailedHellosPerConnection + " wrong tokens; got " + notAuthenticated + " answers, closed: " + client.PeerClosed);
    }

    [Fact]
    public void WrongTokens_AreSlowedDown_Globally_AcrossReconnects()
    {
        using var device = new RunningDevice(options => options.AuthToken = Token);
        var clock = Stopwatch.StartNew();
        int notAuthenticated = 0;
        bool throttled = false;
        // Stops as soon as the attempts are spread over MinimumSpread: the device already kept a guesser below 32 in that time.
        for (ushort attempt = 1; attempt <= Attempts * 2 && !throttled && clock.Elapsed < MinimumSpread; attempt++)
        {
            using RawClient client = device.Connect();
            client.SendFrame(Wire.Hello(attempt, "reconnect-guess-" + attempt));
            if (!client.TryReadFrame(Budget - clock.Elapsed, out byte[]? reply))
            {
                throttled = true;
            }
            else if (reply![0] == (byte)EventCode.ConnectionRejected || Wire.StatusOf(reply) != StatusCode.NotAuthenticated)
            {
                throttled = true;
            }
            else
            {
                notAuthenticated++;
            }
        }

        clock.Stop();
        _output.WriteLine("reconnects with one wrong token each (up to {0}): {1} NotAuthenticated answers in {2:F3} s; throttled: {3}",
            Attempts * 2, notAuthenticated, clock.Elapsed.TotalSeconds, throttled);
        Assert.True(
            throttled || clock.Elapsed >= MinimumSpread,
            notAuthenticated + " wrong tokens over as many fresh connections were all answered within " + clock.Elapsed.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) +
            " ms: no device-wide throttling of failed HELLOs (a client defeats any per-connection limit by reconnecting).");

        // A fresh connection's first failure alone costs 250 ms (8 in 2 s); the device's memory of recent failures
        // doubles it per reconnect, so at most 250 + 500 + 1000 + 2000 ms fit (a slower machine fits fewer).
        Assert.True(throttled || notAuthenticated <= 5, notAuthenticated + " wrong tokens over fresh connections within " + MinimumSpread.TotalSeconds +
            " s: reconnecting resets the penalty.");
    }

    [Fact]
    public void WrongTokens_AreCountedInTheLog_WithoutTheToken()
    {
        using var device = new RunningDevice(options => options.AuthToken = Token);
        using RawClient client = device.ConnectServed();
        long linesBefore = device.Log.Count;
        for (ushort id = 1; id <= 5; id++)
        {
            Assert.Equal(StatusCode.NotAuthenticated, Wire.StatusOf(client.Call(Wire.Hello(id, "guess-" + id))));
        }

        long newLines = device.Log.Count - linesBefore;
        _output.WriteLine("device log lines written for 5 failed HELLOs: {0}", newLines);
        Assert.True(newLines > 0, "Five failed HELLOs left no trace: nothing is logged or counted for failed authentication (INFO has no counter either).");
        Assert.True(device.Log.Contains("HELLO with a wrong token (5 on this connection, 5 on the device)"), "The failures were not counted:" + Environment.NewLine + device.Log);
        Assert.DoesNotContain(device.Log.Lines, line => line.Contains("guess-", StringComparison.Ordinal) || line.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public void DuringTheCoolDown_TheOwnersRightToken_GetsIn_WhileGuessingStaysThrottled()
    {
        const int Slots = 2;
        using var device = new RunningDevice(options =>
        {
            options.AuthToken = Token;
            options.FailedHelloDelayMs = 10;
            options.MaxRecentFailedHellos = 3;
            options.MaxClients = Slots;
        });
        using (RawClient starter = device.Connect())
        {
            for (ushort id = 1; id <= 3; id++)
            {
                Assert.Equal(StatusCode.NotAuthenticated, Wire.StatusOf(starter.Call(Wire.Hello(id, "warm-up-" + id))));
            }
        }

        device.WaitForActiveSessions(0);

        // Cooling down now. A guesser presents a wrong token.
        using RawClient guesser = device.Connect();
        var guessClock = Stopwatch.StartNew();
        guesser.SendFrame(Wire.Hello(1, "cool-down-guess"));

        // Meanwhile the owner connects and presents the right token first: it is checked and accepted at once.
        var ownerClock = Stopwatch.StartNew();
        using RawClient owner = device.Connect();
        byte[] ownerHello = owner.Call(Wire.Hello(1, Token));
        ownerClock.Stop();
        Assert.Equal(StatusCode.Ok, Wire.StatusOf(ownerHello));
        Assert.Equal(1, ownerHello[^(RunningDevice.DefaultName.Length + 2)]); // authenticated

        byte[] refused = guesser.ReadFrame(Budget);
        TimeSpan refusedAfter = guessClock.Elapsed;
        _output.WriteLine("cool-down: owner authenticated in {0:F1} ms; the guess was refused after {1:F3} s",
            ownerClock.Elapsed.TotalMilliseconds, refusedAfter.TotalSeconds);
        Assert.Equal(StatusCode.NotAuthenticated, Wire.StatusOf(refused));
        Assert.True(refusedAfter >= TimeSpan.FromMilliseconds((Slots * ForgetOneFailureMs) - 20),
            "A token guessed during the cool-down was refused after " + refusedAfter.TotalMilliseconds + " ms, less than the cool-down penalty.");

        InfoCounters info = InfoCounters.Read(owner);
        Assert.Equal(4u, info.FailedAuthentications);
    }

    [Fact]
    public void DuringTheCoolDown_GuessersOnEverySlot_GetAboutOneTokenCheckedPerForgettingInterval()
    {
        const int Slots = 2;
        const int MaxRecent = 3;
        TimeSpan window = TimeSpan.FromSeconds(5);
        using var device = new RunningDevice(options =>
        {
            options.AuthToken = Token;
            options.FailedHelloDelayMs = 10;
            options.MaxRecentFailedHellos = MaxRecent;
            options.MaxClients = Slots;
        });

        int checkedGuesses = 0;
        int busy = 0;
        var clock = Stopwatch.StartNew();
        void Guess(int guesser)
        {
            for (ushort attempt = 1; clock.Elapsed < window; attempt++)
            {
                using RawClient client = device.Connect();
                client.SendFrame(Wire.Hello(attempt, "guesser-" + guesser + "-" + attempt));
                if (!client.TryReadFrame(window - clock.Elapsed, out byte[]? reply))
                {
                    return;
                }

                if (reply![0] != (byte)EventCode.ConnectionRejected && Wire.StatusOf(reply) == StatusCode.NotAuthenticated)
                {
                    Interlocked.Increment(ref checkedGuesses);
                }
                else
                {
                    Interlocked.Increment(ref busy);
                }
            }
        }

        Parallel.For(0, Slots, new ParallelOptions { MaxDegreeOfParallelism = Slots }, Guess);

        // Free: MaxRecent quick failures. Then every checked guess holds its slot 2 s per slot, so all slots
        // together get one check per 2 s; without the cool-down penalty they would get one per 160 ms each.
        int bound = MaxRecent + (int)(window.TotalMilliseconds / ForgetOneFailureMs) + Slots;
        _output.WriteLine("{0} guessers for {1:F1} s: {2} tokens checked (bound {3}), {4} other answers",
            Slots, clock.Elapsed.TotalSeconds, checkedGuesses, bound, busy);
        Assert.InRange(checkedGuesses, MaxRecent, bound);
    }
}
