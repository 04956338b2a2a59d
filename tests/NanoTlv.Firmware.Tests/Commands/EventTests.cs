using NanoTlv.Firmware.Tests.Support;
using Xunit;

namespace NanoTlv.Firmware.Tests.Commands;

/// <summary>SUBSCRIBE: PinChanged events (F0, id 0) to the subscribing connection only, with the board's timestamp.</summary>
public sealed class EventTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void A_subscribed_input_change_arrives_as_an_event_with_its_timestamp()
    {
        using var device = new TestDevice();
        device.Board.System.Freeze(0x00ABCDEF);
        var pipe = Subscribe(device, "03 03 00 00");

        device.Board.Digital.DriveInput(3, true);
        Assert.Equal("F0 00 00 00 03 01 00 AB CD EF", Hex.Format(pipe.ReadFrame()));
        device.Board.System.Advance(0x11);
        device.Board.Digital.DriveInput(3, false);
        Assert.Equal("F0 00 00 00 03 00 00 AB CE 00", Hex.Format(pipe.ReadFrame()));
        pipe.CloseFromClient();
    }

    [Fact]
    public void Only_the_subscribed_edges_are_reported()
    {
        using var device = new TestDevice();
        device.Board.System.Freeze(5);
        var pipe = Subscribe(device, "03 02 00 00");

        device.Board.Digital.DriveInput(3, true);
        device.Board.Digital.DriveInput(3, false);

        Assert.Equal("F0 00 00 00 03 00 00 00 00 05", Hex.Format(pipe.ReadFrame()));
        Assert.True(pipe.NothingWithin(Quiet));
        pipe.CloseFromClient();
    }

    [Fact]
    public void Events_reach_the_subscriber_only()
    {
        using var device = new TestDevice();
        var subscriber = Subscribe(device, "03 03 00 00");
        var other = device.Connect();
        other.WriteFrame("02 00 01");
        Assert.Equal("82 00 01 00", Hex.Format(other.ReadFrame()));

        device.Board.Digital.DriveInput(3, true);

        Assert.StartsWith("F0 00 00 00 03 01", Hex.Format(subscriber.ReadFrame()), StringComparison.Ordinal);
        Assert.True(other.NothingWithin(Quiet));
        subscriber.CloseFromClient();
        other.CloseFromClient();
    }

    [Fact]
    public void Two_subscribers_both_get_the_event()
    {
        using var device = new TestDevice();
        var first = Subscribe(device, "03 01 00 00");
        var second = device.Connect();
        second.WriteFrame("20 00 02 03 03 00 00");
        Assert.Equal("A0 00 02 00", Hex.Format(second.ReadFrame()));

        device.Board.Digital.DriveInput(3, true);

        Assert.StartsWith("F0 00 00 00 03 01", Hex.Format(first.ReadFrame()), StringComparison.Ordinal);
        Assert.StartsWith("F0 00 00 00 03 01", Hex.Format(second.ReadFrame()), StringComparison.Ordinal);
        first.CloseFromClient();
        second.CloseFromClient();
    }

    [Fact]
    public void Unsubscribe_stops_events_and_releases_the_driver()
    {
        using var device = new TestDevice();
        var pipe = Subscribe(device, "03 03 00 00");
        pipe.WriteFrame("21 00 05 03");
        Assert.Equal("A1 00 05 00", Hex.Format(pipe.ReadFrame()));

        device.Board.Digital.DriveInput(3, true);

        Assert.True(pipe.NothingWithin(Quiet));
        Assert.False(device.Board.Digital.IsReportingChanges(3));
        pipe.CloseFromClient();
    }

    [Fact]
    public void Making_the_pin_an_output_ends_its_subscriptions()
    {
        using var device = new TestDevice();
        var pipe = Subscribe(device, "03 03 00 00");
        pipe.WriteFrame("10 00 05 03 03");
        Assert.Equal("90 00 05 00", Hex.Format(pipe.ReadFrame()));

        Assert.False(device.Board.Digital.IsReportingChanges(3));
        pipe.CloseFromClient();
    }

    [Fact]
    public void Closing_the_connection_ends_its_subscriptions()
    {
        using var device = new TestDevice();
        var pipe = Subscribe(device, "03 03 00 00");

        pipe.CloseFromClient();

        Wait.Until(() => !device.Board.Digital.IsReportingChanges(3), "the subscription ended");
    }

    [Fact]
    public void Debounced_bounces_give_one_event()
    {
        using var device = new TestDevice();
        var pipe = Subscribe(device, "03 03 00 32");

        for (int bounce = 0; bounce < 5; bounce++)
        {
            device.Board.Digital.DriveInput(3, true);
            device.Board.Digital.DriveInput(3, false);
        }

        device.Board.Digital.DriveInput(3, true);

        Assert.StartsWith("F0 00 00 00 03 01", Hex.Format(pipe.ReadFrame()), StringComparison.Ordinal);
        Assert.True(pipe.NothingWithin(Quiet));
        pipe.CloseFromClient();
    }

    private static PipeTransport Subscribe(TestDevice device, string subscribeArguments)
    {
        var pipe = device.Connect();
        pipe.WriteFrame("10 00 01 03 02");
        pipe.WriteFrame("20 00 02 " + subscribeArguments);
        Assert.Equal("90 00 01 00", Hex.Format(pipe.ReadFrame()));
        Assert.Equal("A0 00 02 00", Hex.Format(pipe.ReadFrame()));
        return pipe;
    }
}
