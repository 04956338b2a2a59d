using System.Text;
using NanoTlv.Firmware.Tests.Support;
using Xunit;

namespace NanoTlv.Firmware.Tests.Session;

/// <summary>
/// With a token configured, a connection must authenticate within AuthenticationTimeoutMs, and its requests
/// before that do not count as activity for the idle timeout; on the session's own clock (see TimeoutTests).
/// </summary>
public sealed class AuthenticationDeadlineTests
{
    private const string Token = "s3cret";

    private static string TokenHello => "01 00 09 01 06 " + Hex.Format(Encoding.ASCII.GetBytes(Token));

    [Fact]
    public void A_connection_that_does_not_authenticate_is_closed_at_the_deadline_and_its_failsafe_applies()
    {
        using var device = new TestDevice(options =>
        {
            options.AuthToken = Token;
            options.AuthenticationTimeoutMs = 3000;
            options.IdleTimeoutMs = DeviceOptions.NoIdleTimeout;
        });
        byte[][] pings = Enumerable.Range(0, 10).Select(_ => Hex.FrameOf("02 00 01")).ToArray();
        var transport = new ScriptedTransport(pings, device.Board.System, 0, 4096) { ClockStepPerChunkMs = 500 };

        device.Server.ServeConnection(transport);

        Assert.True(transport.IsClosed);
        Assert.Equal(7, transport.Frames.Count);
        Assert.Contains(device.Log.Lines, line => line.Contains("not authenticated within the authentication timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void A_connection_that_authenticates_in_time_stays_past_the_deadline()
    {
        using var device = new TestDevice(options =>
        {
            options.AuthToken = Token;
            options.AuthenticationTimeoutMs = 3000;
            options.IdleTimeoutMs = DeviceOptions.NoIdleTimeout;
        });
        byte[][] chunks = [Hex.FrameOf(TokenHello), .. Enumerable.Range(0, 10).Select(_ => Hex.FrameOf("02 00 01"))];
        var transport = new ScriptedTransport(chunks, device.Board.System, 0, 4096) { ClockStepPerChunkMs = 1000 };

        device.Server.ServeConnection(transport);

        Assert.Equal(11, transport.Frames.Count);
        Assert.Contains(device.Log.Lines, line => line.Contains("closed by the client", StringComparison.Ordinal));
    }

    [Fact]
    public void Requests_before_authentication_do_not_reset_the_idle_timer()
    {
        using var device = new TestDevice(options =>
        {
            options.AuthToken = Token;
            options.AuthenticationTimeoutMs = int.MaxValue;
            options.IdleTimeoutMs = 2000;
        });
        byte[][] pings = Enumerable.Range(0, 10).Select(_ => Hex.FrameOf("02 00 01")).ToArray();
        var transport = new ScriptedTransport(pings, device.Board.System, 0, 4096) { ClockStepPerChunkMs = 500 };

        device.Server.ServeConnection(transport);

        Assert.Equal(5, transport.Frames.Count);
        Assert.Contains(device.Log.Lines, line => line.Contains("no request within the idle timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_token_the_authentication_timeout_does_not_apply()
    {
        using var device = new TestDevice(options =>
        {
            options.AuthenticationTimeoutMs = 1000;
            options.IdleTimeoutMs = 2000;
        });
        byte[][] pings = Enumerable.Range(0, 10).Select(_ => Hex.FrameOf("02 00 01")).ToArray();
        var transport = new ScriptedTransport(pings, device.Board.System, 0, 4096) { ClockStepPerChunkMs = 1500 };

        device.Server.ServeConnection(transport);

        Assert.Equal(10, transport.Frames.Count);
        Assert.Contains(device.Log.Lines, line => line.Contains("closed by the client", StringComparison.Ordinal));
    }
}
