using NanoTlv.Firmware.Tests.Support;
using NanoTlv.VirtualDevice;
using Xunit;

namespace NanoTlv.Firmware.Tests.Server;

public sealed class DeviceServerTests
{
    [Fact]
    public void Run_serves_connections_on_their_own_threads_until_Stop()
    {
        using var board = TestBoard.Create();
        var server = new DeviceServer(board.Services, new DeviceOptions(), new TestLog());
        var listener = new InMemoryListener();
        var run = StartRun(server, listener);

        var first = listener.Connect();
        var second = listener.Connect();
        first.WriteFrame("02 00 01 01");
        second.WriteFrame("02 00 02 02");

        Assert.Equal("82 00 01 00 01", Hex.Format(first.ReadFrame()));
        Assert.Equal("82 00 02 00 02", Hex.Format(second.ReadFrame()));
        Assert.Equal(2, server.ActiveSessions);

        server.Stop();
        Assert.True(run.Join(Wait.Long));
        Assert.True(first.IsClosedByDevice);
        Assert.True(second.IsClosedByDevice);
        Assert.Equal(0, server.ActiveSessions);
    }

    [Fact]
    public void One_connection_more_than_MaxClients_gets_ConnectionRejected_and_the_others_carry_on()
    {
        using var board = TestBoard.Create();
        var log = new TestLog();
        var server = new DeviceServer(board.Services, new DeviceOptions { MaxClients = 2 }, log);
        var listener = new InMemoryListener();
        var run = StartRun(server, listener);
        var first = listener.Connect();
        var second = listener.Connect();
        first.WriteFrame("02 00 01");
        second.WriteFrame("02 00 01");
        first.ReadFrame();
        second.ReadFrame();

        var third = listener.Connect();

        Assert.Equal("F2 00 00 0F 02", Hex.Format(third.ReadFrame()));
        Assert.True(third.WaitClosedByDevice(Wait.Long));
        first.WriteFrame("02 00 02");
        second.WriteFrame("02 00 03");
        Assert.Equal("82 00 02 00", Hex.Format(first.ReadFrame()));
        Assert.Equal("82 00 03 00", Hex.Format(second.ReadFrame()));
        Assert.Contains(log.Lines, line => line.Contains("connection rejected: all 2 slots busy", StringComparison.Ordinal));

        first.CloseFromClient();
        Wait.Until(() => server.ActiveSessions == 1, "the first slot was freed");
        var fourth = listener.Connect();
        fourth.WriteFrame("02 00 04");
        Assert.Equal("82 00 04 00", Hex.Format(fourth.ReadFrame()));

        server.Stop();
        Assert.True(run.Join(Wait.Long));
    }

    [Fact]
    public void Slots_are_reused_with_fresh_state()
    {
        using var device = new TestDevice(options =>
        {
            options.MaxClients = 1;
            options.AuthToken = "tok";
        });

        for (int connection = 0; connection < 5; connection++)
        {
            var replies = device.Serve(Hex.FrameOf("01 00 01 01 03 74 6F 6B"), Hex.FrameOf("03 00 02"), [0x72, 0x00]).Frames;
            Assert.Equal(2, replies.Count);
            Assert.Equal("83 00 02 00", Hex.Format(replies[1].AsSpan(0, 4)));
        }

        // A new connection in the same slot is not authenticated, and a partial frame did not carry over.
        Assert.Equal(["83 00 05 0C"], device.ExchangeHex("03 00 05"));
    }

    [Fact]
    public void ServeConnection_rejects_when_every_slot_is_busy()
    {
        using var device = new TestDevice(options => options.MaxClients = 1);
        var busy = device.Connect();
        busy.WriteFrame("02 00 01");
        busy.ReadFrame();

        var refused = new ScriptedTransport(Hex.FrameOf("02 00 02"));
        Assert.False(device.Server.ServeConnection(refused));

        Assert.Equal(["F2 00 00 0F 01"], refused.Frames.Select(frame => Hex.Format(frame)));
        Assert.True(refused.IsClosed);
        busy.CloseFromClient();
    }

    [Fact]
    public void Run_twice_is_refused()
    {
        using var board = TestBoard.Create();
        var server = new DeviceServer(board.Services, new DeviceOptions(), new TestLog());
        var listener = new InMemoryListener();
        var run = StartRun(server, listener);

        Assert.Throws<InvalidOperationException>(() => server.Run(new InMemoryListener()));
        server.Stop();
        Assert.True(run.Join(Wait.Long));
        Assert.Throws<InvalidOperationException>(() => server.Run(new InMemoryListener()));
    }

    [Fact]
    public void Run_after_Stop_is_refused_and_closes_the_listener_it_was_given()
    {
        using var board = TestBoard.Create();
        var server = new DeviceServer(board.Services, new DeviceOptions(), new TestLog());
        server.Stop();
        var listener = new InMemoryListener();

        Assert.Throws<InvalidOperationException>(() => server.Run(listener));
        Assert.True(listener.IsClosed, "Run refused to run but left its listener open.");
    }

    [Fact]
    public void Run_closes_its_listener_when_it_returns_and_a_refused_second_Run_closes_its_own()
    {
        using var board = TestBoard.Create();
        var log = new TestLog();
        var server = new DeviceServer(board.Services, new DeviceOptions(), log);
        var listener = new InMemoryListener();
        var run = StartRun(server, listener);
        Wait.Until(() => log.Lines.Any(line => line.Contains("accepting connections", StringComparison.Ordinal)), "the server runs");
        var second = new InMemoryListener();

        Assert.Throws<InvalidOperationException>(() => server.Run(second));
        Assert.True(second.IsClosed);
        Assert.False(listener.IsClosed);
        server.Stop();
        Assert.True(run.Join(Wait.Long));
        Assert.True(listener.IsClosed);
    }

    [Fact]
    public void Invalid_options_are_refused_by_the_constructor()
    {
        using var board = TestBoard.Create();

        Assert.Throws<ArgumentException>(() => new DeviceServer(board.Services, new DeviceOptions { MaxClients = 0 }, new TestLog()));
        Assert.Throws<ArgumentNullException>(() => new DeviceServer(board.Services, null!, new TestLog()));
    }

    private static Thread StartRun(DeviceServer server, InMemoryListener listener)
    {
        var thread = new Thread(() => server.Run(listener)) { IsBackground = true };
        thread.Start();
        return thread;
    }
}
