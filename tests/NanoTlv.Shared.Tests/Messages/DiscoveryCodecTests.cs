using System;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Tests.Messages;

/// <summary>DISCOVER and ANNOUNCE datagrams: exact bytes, round trips, and every malformed shape reported, never thrown.</summary>
public class DiscoveryCodecTests
{
    private const string Announcement = "720019" + "7101" + "A4CF12345678" + "141E" + "010203" + "01" + "01" + "09" + "6B69746368656E2D31";

    [Fact]
    public void Discover_is_five_bytes_at_the_offset_given()
    {
        byte[] buffer = new byte[8];
        Assert.Equal(5, DiscoveryCodec.WriteDiscover(buffer, 2));
        Assert.Equal("0000720002700100", Convert.ToHexString(buffer));
        Assert.Equal(DiscoveryStatus.Ok, DiscoveryCodec.ReadDiscover(buffer, 2, 5));
    }

    [Fact]
    public void Announcement_has_the_documented_layout_and_round_trips()
    {
        byte[] buffer = new byte[DiscoveryFormat.MaxDatagramBytes];
        int length = DiscoveryCodec.WriteAnnouncement(Sample(), buffer, 0);
        Assert.Equal(Announcement, Convert.ToHexString(buffer, 0, length));

        var decoded = new BoardAnnouncement();
        Assert.Equal(DiscoveryStatus.Ok, DiscoveryCodec.ReadAnnouncement(buffer, 0, length, decoded));
        Assert.Equal("A4CF12345678", Convert.ToHexString(decoded.BoardId));
        Assert.Equal("kitchen-1", decoded.Name);
        Assert.Equal(5150, decoded.TcpPort);
        Assert.Equal((1, 2, 3), (decoded.FirmwareMajor, decoded.FirmwareMinor, decoded.FirmwarePatch));
        Assert.Equal(ProtocolLimits.ProtocolVersion, decoded.ProtocolVersion);
        Assert.True(decoded.TokenRequired);
    }

    [Fact]
    public void The_longest_name_fills_the_largest_datagram_exactly()
    {
        var board = Sample();
        board.Name = new string('n', DiscoveryFormat.MaxNameBytes);
        byte[] buffer = new byte[DiscoveryFormat.MaxDatagramBytes];

        Assert.Equal(DiscoveryFormat.MaxDatagramBytes, DiscoveryCodec.WriteAnnouncement(board, buffer, 0));
        Assert.Equal(DiscoveryStatus.Ok, DiscoveryCodec.ReadAnnouncement(buffer, 0, buffer.Length, new BoardAnnouncement()));
    }

    [Theory]
    [InlineData("name too long", "x", 33, 5150)]
    [InlineData("name not ASCII", "k\u00fcche", 1, 5150)]
    [InlineData("name with a control character", "a\nb", 1, 5150)]
    [InlineData("port 0", "k", 1, 0)]
    [InlineData("port above 65535", "k", 1, 65536)]
    public void An_announcement_that_cannot_be_encoded_is_refused_with_a_message(string what, string name, int repeat, int port)
    {
        var board = Sample();
        board.Name = string.Concat(System.Linq.Enumerable.Repeat(name, repeat));
        board.TcpPort = port;
        byte[] buffer = new byte[64];

        var error = Assert.Throws<ArgumentException>(() => DiscoveryCodec.WriteAnnouncement(board, buffer, 0));
        Assert.False(string.IsNullOrEmpty(error.Message), what);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_board_id_must_be_six_bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => new BoardAnnouncement { BoardId = new byte[5] });
        Assert.Contains("6 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cut_of_an_announcement_is_truncated_or_foreign_never_ok_never_thrown()
    {
        byte[] whole = Convert.FromHexString(Announcement);
        for (int length = 0; length < whole.Length; length++)
        {
            var into = new BoardAnnouncement();
            DiscoveryStatus status = DiscoveryCodec.ReadAnnouncement(whole, 0, length, into);
            Assert.True(status == DiscoveryStatus.Truncated, "cut at " + length + ": " + status);
            Assert.Equal(string.Empty, into.Name);
        }
    }

    [Theory]
    [InlineData("", DiscoveryStatus.Truncated)]
    [InlineData("00", DiscoveryStatus.NotAFrame)]
    [InlineData("7200", DiscoveryStatus.Truncated)]
    [InlineData("720000", DiscoveryStatus.Truncated)]
    [InlineData("72000170", DiscoveryStatus.Truncated)]
    [InlineData("720002700100", DiscoveryStatus.NotAFrame)]
    [InlineData("7200020201", DiscoveryStatus.NotAFrame)]
    [InlineData("7200027101", DiscoveryStatus.WrongKind)]
    [InlineData("7200027002", DiscoveryStatus.UnsupportedVersion)]
    [InlineData("720003700100", DiscoveryStatus.BadField)]
    [InlineData("7200027001", DiscoveryStatus.Ok)]
    public void Discover_reading_names_what_is_wrong(string hex, DiscoveryStatus expected)
    {
        byte[] datagram = Convert.FromHexString(hex);
        Assert.Equal(expected, DiscoveryCodec.ReadDiscover(datagram, 0, datagram.Length));
    }

    [Fact]
    public void A_datagram_longer_than_any_discovery_datagram_is_oversize()
    {
        byte[] datagram = new byte[DiscoveryFormat.MaxDatagramBytes + 1];
        DiscoveryCodec.WriteDiscover(datagram, 0);
        Assert.Equal(DiscoveryStatus.Oversize, DiscoveryCodec.ReadDiscover(datagram, 0, datagram.Length));
        Assert.Equal(DiscoveryStatus.Oversize, DiscoveryCodec.ReadAnnouncement(datagram, 0, datagram.Length, new BoardAnnouncement()));
    }

    [Theory]
    [InlineData("name length beyond the payload", 18, 0x0A)]
    [InlineData("name length above 32", 18, 0x21)]
    [InlineData("reserved flag bit", 17, 0x03)]
    [InlineData("TCP port 0", 12, 0x00)]
    [InlineData("non-printable name byte", 19, 0x07)]
    [InlineData("another discovery version", 4, 0x02)]
    [InlineData("a DISCOVER kind", 3, 0x70)]
    public void A_damaged_announcement_is_reported_and_leaves_the_target_untouched(string what, int index, byte value)
    {
        byte[] datagram = Convert.FromHexString(Announcement);
        datagram[index] = value;
        if (index == 12)
        {
            datagram[11] = 0;
        }

        var into = new BoardAnnouncement();
        DiscoveryStatus status = DiscoveryCodec.ReadAnnouncement(datagram, 0, datagram.Length, into);

        Assert.True(status != DiscoveryStatus.Ok, what);
        Assert.Equal(string.Empty, into.Name);
        Assert.Equal(0, into.TcpPort);
    }

    [Fact]
    public void Reading_a_discover_allocates_nothing()
    {
        byte[] datagram = Convert.FromHexString("7200027001");
        DiscoveryCodec.ReadDiscover(datagram, 0, datagram.Length);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            DiscoveryCodec.ReadDiscover(datagram, 0, datagram.Length);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static BoardAnnouncement Sample() => new()
    {
        BoardId = Convert.FromHexString("A4CF12345678"),
        Name = "kitchen-1",
        TcpPort = 5150,
        FirmwareMajor = 1,
        FirmwareMinor = 2,
        FirmwarePatch = 3,
        TokenRequired = true,
    };
}
