using NanoTlv.Firmware.Tests.Support;
using Xunit;

namespace NanoTlv.Firmware.Tests.Session;

/// <summary>
/// Receive and idle timeouts, on the session's own clock: the scripted transport reports every wait as timed
/// out and moves the board clock by it, so the tests run in milliseconds.
/// </summary>
public sealed class TimeoutTests
{
    [Fact]
    public void No_request_within_the_idle_timeout_applies_failsafe_and_closes()
    {
        using var device = new TestDevice(options => options.IdleTimeoutMs = 5000);
        var transport = new ScriptedTransport(
            [Hex.FrameOf("10 00 01 02 03"), Hex.FrameOf("60 00 02 02 01"), Hex.FrameOf("11 00 03 02 00")],
            device.Board.System,
            timeoutsAfterScript: 100,
            sendCapacity: 4096);

        device.Server.ServeConnection(transport);

        Assert.True(transport.IsClosed);
        Assert.InRange(transport.TimedOutWaits.Count, 5, 7);
        Assert.All(transport.TimedOutWaits, wait => Assert.InRange(wait, 1, 1000));
        Assert.True(device.Board.Digital.IsHigh(2), "the failsafe level 1 was not applied");
        Assert.Contains(device.Log.Lines, line => line.Contains("no request within the idle timeout", StringComparison.Ordinal));
        Assert.Contains(device.Log.Lines, line => line.Contains("failsafe GPIO 2 -> 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Requests_keep_a_connection_alive_past_the_idle_timeout()
    {
        using var device = new TestDevice(options => options.IdleTimeoutMs = 5000);
        byte[][] pings = Enumerable.Range(0, 10).Select(id => Hex.FrameOf("02 00 01")).ToArray();
        var transport = new ScriptedTransport(pings, device.Board.System, 0, 4096) { ClockStepPerChunkMs = 4000 };

        device.Server.ServeConnection(transport);

        Assert.Equal(10, transport.Frames.Count);
        Assert.Contains(device.Log.Lines, line => line.Contains("closed by the client", StringComparison.Ordinal));
    }

    [Fact]
    public void Idle_timeout_zero_never_closes()
    {
        using var device = new TestDevice(options => options.IdleTimeoutMs = 0);
        var transport = new ScriptedTransport([Hex.FrameOf("02 00 01")], device.Board.System, 200, 4096);

        device.Server.ServeConnection(transport);

        Assert.Equal(200, transport.TimedOutWaits.Count);
        Assert.Contains(device.Log.Lines, line => line.Contains("closed by the client", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unfinished_frame_is_dropped_at_the_receive_timeout()
    {
        using var device = new TestDevice(options =>
        {
            options.ReceiveTimeoutMs = 3000;
            options.IdleTimeoutMs = 0;
        });
        var transport = new ScriptedTransport([Hex.FrameOf("02 00 01"), [0x72, 0x00, 0x05, 0x02]], device.Board.System, 100, 4096);

        device.Server.ServeConnection(transport);

        Assert.Equal(["82 00 01 00"], transport.Frames.Select(frame => Hex.Format(frame)));
        Assert.InRange(transport.TimedOutWaits.Count, 3, 4);
        Assert.Contains(device.Log.Lines, line => line.Contains("did not complete within the receive timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trickling_frame_is_dropped_even_though_bytes_keep_coming()
    {
        using var device = new TestDevice(options => options.ReceiveTimeoutMs = 3000);
        byte[] frame = Hex.FrameOf("02 00 01 AA BB CC DD");
        var transport = new ScriptedTransport(frame.Select(b => new[] { b }).ToArray(), device.Board.System, 0, 4096) { ClockStepPerChunkMs = 1000 };

        device.Server.ServeConnection(transport);

        Assert.Empty(transport.Frames);
        Assert.Equal(4, transport.ReceiveCalls);
        Assert.Contains(device.Log.Lines, line => line.Contains("did not complete within the receive timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Frames_that_each_complete_in_time_are_served_even_if_every_chunk_ends_inside_a_frame()
    {
        using var device = new TestDevice(options =>
        {
            options.ReceiveTimeoutMs = 3000;
            options.IdleTimeoutMs = 0;
        });
        byte[] stream = Enumerable.Range(1, 6).SelectMany(id => Hex.FrameOf("02 00 0" + id)).ToArray();
        byte[][] chunks = [stream[..3], .. Enumerable.Range(0, 6).Select(k => stream[(3 + (6 * k))..Math.Min(stream.Length, 9 + (6 * k))])];
        var transport = new ScriptedTransport(chunks, device.Board.System, 0, 4096) { ClockStepPerChunkMs = 2000 };

        device.Server.ServeConnection(transport);

        Assert.Equal(6, transport.Frames.Count);
        Assert.DoesNotContain(device.Log.Lines, line => line.Contains("receive timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void An_oversized_frame_being_discarded_also_has_to_complete_in_time()
    {
        using var device = new TestDevice(options =>
        {
            options.MaxPayloadBytes = 128;
            options.ReceiveTimeoutMs = 3000;
        });
        var transport = new ScriptedTransport([[0x72, 0x10, 0x00, 1, 2, 3]], device.Board.System, 100, 4096);

        device.Server.ServeConnection(transport);

        Assert.Equal(["F1 00 00 0D 10 00 00 80"], transport.Frames.Select(frame => Hex.Format(frame)));
        Assert.InRange(transport.TimedOutWaits.Count, 3, 4);
    }

    [Fact]
    public void Garbage_alone_is_not_a_started_frame()
    {
        using var device = new TestDevice(options =>
        {
            options.ReceiveTimeoutMs = 3000;
            options.IdleTimeoutMs = 0;
        });
        var transport = new ScriptedTransport([[0x01, 0x02, 0x03]], device.Board.System, 20, 4096);

        device.Server.ServeConnection(transport);

        Assert.Equal(20, transport.TimedOutWaits.Count);
    }
}
