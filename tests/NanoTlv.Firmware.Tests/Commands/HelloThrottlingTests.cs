using System.Diagnostics;
using System.Text;
using NanoTlv.Firmware.Security;
using NanoTlv.Firmware.Tests.Support;
using Xunit;

namespace NanoTlv.Firmware.Tests.Commands;

/// <summary>
/// Wrong tokens are counted, logged without the token, delayed per connection, end the connection at the
/// limit, and, device-wide, start a cool-down in which only a connection's first token is checked.
/// </summary>
public sealed class HelloThrottlingTests
{
    private const string Token = "s3cret";
    private const int DelayMs = 40;

    private static string HelloWith(int id, string token)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(token);
        return "01 00 " + id.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " 01 " +
            bytes.Length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " " + Hex.Format(bytes);
    }

    [Fact]
    public void Wrong_tokens_are_delayed_more_each_time_and_the_fifth_closes_the_connection()
    {
        using var device = new TestDevice(options =>
        {
            options.AuthToken = Token;
            options.FailedHelloDelayMs = DelayMs;
            options.MaxRecentFailedHellos = 0;
        });
        string[] requests = Enumerable.Range(1, 7).Select(id => HelloWith(id, "guess-" + id)).ToArray();

        var clock = Stopwatch.StartNew();
        List<string> replies = device.ExchangeHex(requests);
        clock.Stop();

        Assert.Equal(Enumerable.Range(1, 5).Select(id => "81 00 0" + id + " 0C"), replies);
        int expectedWaitMs = DelayMs + (2 * DelayMs) + (4 * DelayMs) + (8 * DelayMs);
        Assert.True(clock.ElapsedMilliseconds >= expectedWaitMs - 5, "wrong tokens were answered within " + clock.ElapsedMilliseconds + " ms");
        Assert.Contains(device.Log.Lines, line => line.Contains("HELLO with a wrong token (5 on this connection, 5 on the device); closing", StringComparison.Ordinal));
        Assert.Contains(device.Log.Lines, line => line.Contains("closed after too many wrong tokens", StringComparison.Ordinal));
        Assert.DoesNotContain(device.Log.Lines, line => line.Contains("guess-", StringComparison.Ordinal) || line.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public void The_right_token_after_wrong_ones_still_authenticates_below_the_limits()
    {
        using var device = new TestDevice(options =>
        {
            options.AuthToken = Token;
            options.FailedHelloDelayMs = 1;
        });

        List<string> replies = device.ExchangeHex(HelloWith(1, "nope"), HelloWith(2, "nope"), HelloWith(3, Token), "03 00 04");

        Assert.Equal("81 00 01 0C", replies[0]);
        Assert.Equal("81 00 02 0C", replies[1]);
        Assert.StartsWith("81 00 03 00", replies[2], StringComparison.Ordinal);
        Assert.StartsWith("83 00 04 00", replies[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Recent_failures_across_connections_cool_the_device_down_until_one_is_forgotten()
    {
        using var device = new TestDevice(options =>
        {
            options.AuthToken = Token;
            options.FailedHelloDelayMs = DeviceOptions.ThrottlingOff;
            options.MaxRecentFailedHellos = 3;
        });
        device.Board.System.Freeze(1000);
        for (int connection = 1; connection <= 2; connection++)
        {
            Assert.Equal(["81 00 01 0C"], device.ExchangeHex(HelloWith(1, "guess-" + connection)));
        }

        // The third failure starts the cool-down: this connection has guessed wrong, so its next token is not
        // checked (Busy, even the right one); a HELLO without a token still introduces the device.
        List<string> guessedWrong = device.ExchangeHex(HelloWith(1, "guess-3"), HelloWith(2, Token), "01 00 03 01 00", "03 00 04");
        Assert.Equal("81 00 01 0C", guessedWrong[0]);
        Assert.Equal("81 00 02 0F", guessedWrong[1]);
        Assert.StartsWith("81 00 03 00", guessedWrong[2], StringComparison.Ordinal);
        Assert.Equal("83 00 04 0C", guessedWrong[3]);

        // A new connection's first token is still checked: the owner gets in ...
        List<string> owner = device.ExchangeHex(HelloWith(1, Token), "03 00 02");
        Assert.StartsWith("81 00 01 00", owner[0], StringComparison.Ordinal);
        Assert.StartsWith("83 00 02 00", owner[1], StringComparison.Ordinal);

        // ... and a guesser's first token is checked too, but after a wrong one nothing more is checked.
        Assert.Equal(["81 00 01 0C", "81 00 02 0F"], device.ExchangeHex(HelloWith(1, "guess-4"), HelloWith(2, Token)));
        Assert.Contains(device.Log.Lines, line => line.EndsWith("(1 on this connection, 4 on the device)", StringComparison.Ordinal));

        // Once enough failures are forgotten, a wrong token is an ordinary one again: refused, connection kept.
        device.Board.System.Advance(3 * FailedHelloThrottle.ForgetOneFailureMs);
        List<string> afterwards = device.ExchangeHex(HelloWith(1, "guess-5"), HelloWith(2, Token), "03 00 03");
        Assert.Equal("81 00 01 0C", afterwards[0]);
        Assert.StartsWith("81 00 02 00", afterwards[1], StringComparison.Ordinal);
        Assert.StartsWith("83 00 03 00", afterwards[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_token_checked_during_the_cool_down_is_held_back_by_the_cool_down_penalty()
    {
        using var device = new TestDevice(options =>
        {
            options.AuthToken = Token;
            options.FailedHelloDelayMs = 1;
            options.MaxRecentFailedHellos = 1;
            options.MaxClients = 1;
        });
        Assert.Equal(["81 00 01 0C"], device.ExchangeHex(HelloWith(1, "guess-1")));

        var clock = Stopwatch.StartNew();
        List<string> replies = device.ExchangeHex(HelloWith(1, "guess-2"), HelloWith(2, Token));
        clock.Stop();

        Assert.Equal(["81 00 01 0C", "81 00 02 0F"], replies);
        Assert.True(clock.ElapsedMilliseconds >= FailedHelloThrottle.ForgetOneFailureMs - 5, "the refusal came after " + clock.ElapsedMilliseconds + " ms");
    }

    [Fact]
    public void Without_a_token_configured_nothing_is_counted_or_delayed()
    {
        using var device = new TestDevice(options => options.FailedHelloDelayMs = DeviceOptions.MaxFailedHelloDelayMs);

        var clock = Stopwatch.StartNew();
        List<string> replies = device.ExchangeHex(Enumerable.Range(1, 6).Select(id => HelloWith(id, "whatever")).ToArray());

        Assert.Equal(6, replies.Count);
        Assert.All(replies, reply => Assert.Equal("00", reply.Substring(9, 2)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(device.Log.Lines, line => line.Contains("wrong token", StringComparison.Ordinal));
    }
}
