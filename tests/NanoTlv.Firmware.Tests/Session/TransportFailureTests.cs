using NanoTlv.Firmware.Tests.Support;
using Xunit;

namespace NanoTlv.Firmware.Tests.Session;

/// <summary>
/// A send that fails inside a handler (PING's direct reply, too large for the batch) is a transport failure,
/// not a command failure: the session ends, failsafe levels apply, and nothing more is sent or dispatched.
/// </summary>
public sealed class TransportFailureTests
{
    private const int LargePingArgumentBytes = 600;

    [Fact]
    public void A_failed_direct_reply_ends_the_session_and_applies_failsafe()
    {
        using var device = new TestDevice();
        string largePing = "02 00 02 " + string.Join(" ", Enumerable.Repeat("AA", LargePingArgumentBytes));
        byte[] pingFrame = Hex.FrameOf(largePing);
        byte[][] chunks =
        [
            [.. Hex.FrameOf("10 00 00 02 03"), .. Hex.FrameOf("60 00 01 02 01")],
            pingFrame[..300],
            pingFrame[300..],
            Hex.FrameOf("11 00 03 02 00"),
        ];
        var transport = new ScriptedTransport(chunks, null, 0, 4096) { FailSendsLargerThan = 100 };

        device.Server.ServeConnection(transport);

        // The FAILSAFE reply, then the direct reply's header; its data failed and nothing followed.
        Assert.True(transport.IsClosed);
        Assert.Equal("72 00 04 90 00 00 00 72 00 04 E0 00 01 00 72 02 5C 82 00 02 00", Hex.Format(transport.Sent));
        Assert.Equal(3, transport.ReceiveCalls);
        Assert.True(device.Board.Digital.IsHigh(2), "the failsafe level 1 was not applied");
        Assert.Contains(device.Log.Lines, line => line.Contains("connection failed: Connection timed out", StringComparison.Ordinal));
        Assert.DoesNotContain(device.Log.Lines, line => line.Contains("PING failed", StringComparison.Ordinal));
        Assert.Equal(0, device.Server.ActiveSessions);
    }

    [Fact]
    public void A_failed_batched_send_still_ends_the_session()
    {
        using var device = new TestDevice();
        var transport = new ScriptedTransport([Hex.FrameOf("02 00 01 01 02 03"), Hex.FrameOf("02 00 02")], null, 0, 4096) { FailSendsLargerThan = 0 };

        device.Server.ServeConnection(transport);

        Assert.True(transport.IsClosed);
        Assert.Equal(1, transport.ReceiveCalls);
        Assert.Contains(device.Log.Lines, line => line.Contains("connection failed", StringComparison.Ordinal));
    }
}
