using System.Net;
using System.Net.Sockets;
using NanoTlv.Firmware;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice;
using Xunit;

namespace NanoTlv.Integration.Tests;

/// <summary>The discovery responder over real UDP sockets at 127.0.0.1 (free ports only).</summary>
public sealed class DiscoveryTests
{
    private const int TcpPort = 5150;

    [Fact]
    public void Announcements_arrive_at_the_chosen_address_periodically()
    {
        using var listener = Bound();
        var target = (IPEndPoint)listener.Client.LocalEndPoint!;
        var options = Options();
        options.AuthToken = "never-on-the-wire";
        using var discovery = VirtualDiscoveryHost.Start(options, TcpPort, 0, target, 200, new VirtualSystemMonitor(), new TestLog());

        for (int i = 0; i < 2; i++)
        {
            BoardAnnouncement board = ReceiveAnnouncement(listener);
            Assert.Equal("bench-7", board.Name);
            Assert.Equal(TcpPort, board.TcpPort);
            Assert.True(board.TokenRequired);
            Assert.Equal(VirtualDiscoveryHost.BoardIdFor(TcpPort), board.BoardId);
        }

        Assert.True(discovery.Counters.AnnouncementsSent >= 2);
    }

    [Fact]
    public void A_discover_is_answered_to_the_asking_socket()
    {
        using var discovery = StartRequestOnly(out var boardEndPoint);
        using var client = Bound();

        client.Send(Discover(), boardEndPoint);

        BoardAnnouncement board = ReceiveAnnouncement(client);
        Assert.Equal("bench-7", board.Name);
        Assert.Equal(1, discovery.Counters.RequestsAnswered);
        Assert.Equal(0, discovery.Counters.AnnouncementsSent);
    }

    [Fact]
    public void Garbage_truncated_oversize_and_foreign_datagrams_are_counted_and_the_board_still_answers()
    {
        using var discovery = StartRequestOnly(out var boardEndPoint);
        using var client = Bound();
        var random = new Random(15);
        byte[] garbage = new byte[40];
        random.NextBytes(garbage);
        garbage[0] = 0x00;
        byte[] oversize = new byte[2000];
        Discover().CopyTo(oversize, 0);

        client.Send(garbage, boardEndPoint);
        client.Send([0x72, 0x00, 0x05, 0x70, 0x01], boardEndPoint);
        client.Send(oversize, boardEndPoint);
        client.Send([0x72, 0x00, 0x02, 0x71, 0x01], boardEndPoint);
        client.Send([], boardEndPoint);
        Wait.Until(() => discovery.Counters.Ignored == 5, "five datagrams were ignored");

        Assert.Equal(1, discovery.Counters.Foreign);
        Assert.Equal(2, discovery.Counters.Truncated);
        Assert.Equal(1, discovery.Counters.Oversize);
        Assert.Equal(1, discovery.Counters.NotARequest);
        Assert.Equal(0, discovery.Counters.RequestsAnswered);
        client.Send(Discover(), boardEndPoint);
        Assert.Equal("bench-7", ReceiveAnnouncement(client).Name);
    }

    private static VirtualDiscoveryHost StartRequestOnly(out IPEndPoint boardEndPoint)
    {
        // Announcements are off; the target is never used but must be loopback all the same.
        var host = VirtualDiscoveryHost.Start(Options(), TcpPort, 0, new IPEndPoint(IPAddress.Loopback, 9), 0, new VirtualSystemMonitor(), new TestLog());
        boardEndPoint = new IPEndPoint(IPAddress.Loopback, host.Port);
        return host;
    }

    private static DeviceOptions Options() => new() { DeviceName = "bench-7", FirmwareMajor = 2 };

    private static byte[] Discover()
    {
        byte[] datagram = new byte[5];
        DiscoveryCodec.WriteDiscover(datagram, 0);
        return datagram;
    }

    private static UdpClient Bound() => new(new IPEndPoint(IPAddress.Loopback, 0));

    private static BoardAnnouncement ReceiveAnnouncement(UdpClient socket)
    {
        using var timeout = new CancellationTokenSource(Wait.Long);
        UdpReceiveResult result = socket.ReceiveAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
        var board = new BoardAnnouncement();
        Assert.Equal(DiscoveryStatus.Ok, DiscoveryCodec.ReadAnnouncement(result.Buffer, 0, result.Buffer.Length, board));
        return board;
    }
}
