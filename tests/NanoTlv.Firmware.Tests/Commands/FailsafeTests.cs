using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Tests.Support;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice;
using Xunit;

namespace NanoTlv.Firmware.Tests.Commands;

public sealed class FailsafeTests
{
    [Fact]
    public void Closing_the_controlling_connection_drives_the_failsafe_level()
    {
        using var device = new TestDevice();
        var pipe = device.Connect();
        pipe.WriteFrame("10 00 01 02 03");
        pipe.WriteFrame("11 00 02 02 01");
        pipe.WriteFrame("60 00 03 02 00");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0, pipe.ReadFrame()[3]);
        }

        Assert.True(device.Board.Digital.IsHigh(2));
        pipe.CloseFromClient();

        Wait.Until(() => !device.Board.Digital.IsHigh(2), "the failsafe level was applied");
    }

    [Fact]
    public void A_pin_taken_over_by_another_connection_is_left_alone()
    {
        using var device = new TestDevice();
        device.Exchange("10 00 01 02 03", "60 00 02 02 00", "11 00 03 02 01");
        Assert.False(device.Board.Digital.IsHigh(2));

        var owner = device.Connect();
        var other = device.Connect();
        owner.WriteFrame("11 00 01 02 01");
        Assert.Equal("91 00 01 00", Hex.Format(owner.ReadFrame()));
        other.WriteFrame("11 00 01 02 01");
        Assert.Equal("91 00 01 00", Hex.Format(other.ReadFrame()));
        owner.CloseFromClient();
        Assert.True(owner.WaitClosedByDevice(PipeTransport.DefaultWait));

        Assert.True(device.Board.Digital.IsHigh(2));
        other.CloseFromClient();
        Wait.Until(() => !device.Board.Digital.IsHigh(2), "the failsafe level was applied for the new controller");
    }

    [Fact]
    public void Failsafe_stops_pwm_and_makes_the_pin_an_output()
    {
        using var device = new TestDevice();

        device.Exchange("31 00 01 02 00 00 03 E8 13 88", "60 00 02 02 01");

        Assert.False(device.Board.Pwm.GetState(2).IsRunning);
        Assert.Equal(GpioMode.Output, device.Board.Digital.GetMode(2));
        Assert.True(device.Board.Digital.IsHigh(2));
    }

    [Fact]
    public void Failsafe_is_refused_on_an_input_and_the_input_stays_an_input_at_disconnect()
    {
        using var device = new TestDevice();

        var replies = device.Exchange("10 00 01 03 02", "60 00 02 03 00");

        Assert.Equal("E0 00 02 06", Hex.Format(replies[1]));
        Assert.Equal(GpioMode.InputPullDown, device.Board.Digital.GetMode(3));
    }

    [Fact]
    public void Failsafe_is_refused_on_an_unconfigured_pin_but_clearing_is_accepted()
    {
        using var device = new TestDevice();

        var replies = device.Exchange("60 00 01 03 01", "60 00 02 03 FF");

        Assert.Equal("E0 00 01 06", Hex.Format(replies[0]));
        Assert.Equal("E0 00 02 00", Hex.Format(replies[1]));
        Assert.NotEqual(GpioMode.Output, device.Board.Digital.GetMode(3));
    }

    [Fact]
    public void Switching_a_failsafe_output_to_an_input_clears_its_level()
    {
        using var device = new TestDevice();

        device.Exchange("10 00 01 03 03", "60 00 02 03 01", "10 00 03 03 00");

        Assert.Equal(GpioMode.Input, device.Board.Digital.GetMode(3));
    }

    [Fact]
    public void A_cleared_failsafe_leaves_the_pin_as_it_is()
    {
        using var device = new TestDevice();

        device.Exchange("10 00 01 02 03", "60 00 02 02 00", "60 00 03 02 FF", "11 00 04 02 01");

        Assert.True(device.Board.Digital.IsHigh(2));
    }

    [Fact]
    public void Boot_levels_are_driven_at_start_and_again_when_a_controller_leaves()
    {
        using var device = new TestDevice(options =>
        {
            options.SetFailsafe(2, true);
            options.SetFailsafe(10, false);
        });

        Assert.True(device.Board.Digital.IsHigh(2));
        Assert.Equal(GpioMode.Output, device.Board.Digital.GetMode(10));
        Assert.False(device.Board.Digital.IsHigh(10));

        device.Exchange("11 00 01 02 00");
        Assert.True(device.Board.Digital.IsHigh(2));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(13)]
    [InlineData(200)]
    public void A_boot_level_on_a_pin_that_cannot_take_it_is_refused(int pin)
    {
        var options = new DeviceOptions();
        options.SetFailsafe(pin, true);
        using var board = TestBoard.Create();

        var error = Assert.Throws<ArgumentException>(() => new DeviceServer(board.Services, options, new TestLog()));
        Assert.Contains("GPIO " + pin, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stopping_the_server_applies_failsafe_levels_of_open_connections()
    {
        var device = new TestDevice();
        var pipe = device.Connect();
        pipe.WriteFrame("10 00 01 02 03");
        pipe.WriteFrame("60 00 02 02 01");
        Assert.Equal(0, pipe.ReadFrame()[3]);
        Assert.Equal(0, pipe.ReadFrame()[3]);

        device.Dispose();

        Assert.True(pipe.IsClosedByDevice);
        Assert.True(device.Board.Digital.IsHigh(2));
    }
}
