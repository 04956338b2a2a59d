using Xunit;

namespace NanoTlv.Integration.Tests;

/// <summary>Pipelining, events, failsafe, connection limits and timeouts over loopback TCP.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public void A_pipelined_burst_of_1000_requests_is_answered_in_order()
    {
        using var device = new RunningDevice();
        using var client = device.Connect();
        byte[] burst = Enumerable.Range(1, 1000)
            .SelectMany(id => Hex.Frame([0x02, (byte)(id >> 8), (byte)id, (byte)(id * 3)]))
            .ToArray();

        client.Send(burst);

        for (int id = 1; id <= 1000; id++)
        {
            Assert.Equal(new byte[] { 0x82, (byte)(id >> 8), (byte)id, 0x00, (byte)(id * 3) }, client.ReadFrame());
        }
    }

    [Fact]
    public void A_pipelined_burst_of_mixed_commands_is_answered_in_order()
    {
        using var device = new RunningDevice();
        using var client = device.Connect();
        client.SendFrame("10 00 00 04 03");
        client.ReadFrame();
        var requests = new List<byte[]>();
        for (int id = 1; id <= 1000; id++)
        {
            requests.Add((id % 3) switch
            {
                0 => [0x13, (byte)(id >> 8), (byte)id, 0x04],
                1 => [0x12, (byte)(id >> 8), (byte)id, 0x04],
                _ => [0x7F, (byte)(id >> 8), (byte)id],
            });
        }

        client.Send(requests.SelectMany(Hex.Frame).ToArray());

        for (int id = 1; id <= 1000; id++)
        {
            byte[] reply = client.ReadFrame();
            Assert.Equal(NanoTlv.Messages.MessageHeader.ReplyCodeFor(requests[id - 1][0]), reply[0]);
            Assert.Equal((byte)(id >> 8), reply[1]);
            Assert.Equal((byte)id, reply[2]);
        }
    }

    [Fact]
    public void Input_events_reach_the_subscriber_only()
    {
        using var device = new RunningDevice();
        using var subscriber = device.Connect();
        using var bystander = device.Connect();
        Assert.Equal("90 00 01 00", subscriber.Request("10 00 01 1B 02"));
        Assert.Equal("A0 00 02 00", subscriber.Request("20 00 02 1B 03 00 00"));
        Assert.Equal("82 00 01 00", bystander.Request("02 00 01"));

        device.Board.DriveInput(27, true);
        byte[] rising = subscriber.ReadFrame();
        device.Board.DriveInput(27, false);
        byte[] falling = subscriber.ReadFrame();

        Assert.Equal("F0 00 00 00 1B 01", Hex.Format(rising[..6]));
        Assert.Equal("F0 00 00 00 1B 00", Hex.Format(falling[..6]));
        Assert.True(NanoTlv.Messages.BigEndian.ReadUInt32(falling, 6) >= NanoTlv.Messages.BigEndian.ReadUInt32(rising, 6));
        Assert.True(bystander.NothingWithin(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void An_abrupt_disconnect_applies_the_failsafe_level()
    {
        using var device = new RunningDevice();
        var client = device.Connect();
        Assert.Equal("90 00 01 00", client.Request("10 00 01 04 03"));
        Assert.Equal("91 00 02 00", client.Request("11 00 02 04 01"));
        Assert.Equal("E0 00 03 00", client.Request("60 00 03 04 00"));
        Assert.True(device.Board.IsHigh(4));

        client.Abort();

        Wait.Until(() => !device.Board.IsHigh(4), "the failsafe level was applied");
        Wait.Until(() => device.Host.Server.ActiveSessions == 0, "the slot was freed");
    }

    [Fact]
    public void A_fifth_connection_is_rejected_while_four_keep_working()
    {
        using var device = new RunningDevice();
        var clients = Enumerable.Range(0, 4).Select(i => device.Connect()).ToList();
        foreach (var client in clients)
        {
            Assert.Equal("82 00 01 00", client.Request("02 00 01"));
        }

        using (var fifth = device.Connect())
        {
            Assert.Equal("F2 00 00 0F 04", Hex.Format(fifth.ReadFrame()));
            Assert.True(fifth.WaitClosedByDevice(Wait.Long));
        }

        for (int i = 0; i < clients.Count; i++)
        {
            Assert.Equal("82 00 02 00 0" + i, clients[i].Request("02 00 02 0" + i));
        }

        Assert.Equal(4, device.Host.Server.ActiveSessions);
        clients.ForEach(client => client.Dispose());
    }

    [Fact]
    public void A_trickling_client_is_dropped_at_its_receive_timeout_while_others_are_served()
    {
        using var device = new RunningDevice(options => options.ReceiveTimeoutMs = 1000);
        using var trickler = device.Connect();
        using var other = device.Connect();
        DateTime started = DateTime.UtcNow;
        trickler.Send([0x72, 0x01, 0x00, 0x02]);

        bool dropped = false;
        for (int i = 0; i < 40 && !dropped; i++)
        {
            Assert.Equal("82 00 01 00", other.Request("02 00 01"));
            try
            {
                trickler.Send([0x00]);
            }
            catch (System.Net.Sockets.SocketException)
            {
                dropped = true;
            }

            dropped = dropped || trickler.WaitClosedByDevice(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(dropped, "the trickling client was not dropped");
        Assert.InRange((DateTime.UtcNow - started).TotalMilliseconds, 900, 8000);
        Assert.Equal("82 00 02 00", other.Request("02 00 02"));
        Assert.Contains(device.Log.Lines, line => line.Contains("did not complete within the receive timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void An_idle_connection_is_closed_with_failsafe()
    {
        using var device = new RunningDevice(options => options.IdleTimeoutMs = 500);
        using var client = device.Connect();
        Assert.Equal("90 00 01 00", client.Request("10 00 01 05 03"));
        Assert.Equal("E0 00 02 00", client.Request("60 00 02 05 01"));

        Assert.True(client.WaitClosedByDevice(Wait.Long));
        Assert.True(device.Board.IsHigh(5));
    }

    [Fact]
    public void Dispose_stops_the_device_and_closes_its_connections()
    {
        var device = new RunningDevice();
        using var client = device.Connect();
        Assert.Equal("82 00 01 00", client.Request("02 00 01"));
        int port = device.Host.Port;
        DateTime started = DateTime.UtcNow;

        device.Dispose();

        Assert.True((DateTime.UtcNow - started) < TimeSpan.FromSeconds(10));
        Assert.True(client.WaitClosedByDevice(Wait.Long));
        Assert.Throws<System.Net.Sockets.SocketException>(() => RawClient.Connect(port));
        Assert.Null(device.Host.Failure);
    }
}
