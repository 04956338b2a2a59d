using NanoTlv.Firmware.Tests.Support;
using Xunit;

namespace NanoTlv.Firmware.Tests.Commands;

public sealed class PulseTests
{
    [Fact]
    public void Pulse_drives_the_level_replies_at_once_and_restores_the_previous_level()
    {
        using var device = new TestDevice();
        var pipe = device.Connect();
        pipe.WriteFrame("10 00 01 02 03");
        pipe.WriteFrame("11 00 02 02 01");
        pipe.WriteFrame("14 00 03 02 00 00 00 00 64");
        pipe.WriteFrame("13 00 04 02");

        Assert.Equal("90 00 01 00", Hex.Format(pipe.ReadFrame()));
        Assert.Equal("91 00 02 00", Hex.Format(pipe.ReadFrame()));
        Assert.Equal("94 00 03 00", Hex.Format(pipe.ReadFrame()));
        Assert.Equal("93 00 04 0F", Hex.Format(pipe.ReadFrame()));
        Assert.False(device.Board.Digital.IsHigh(2));

        Wait.Until(() => device.Board.Digital.IsHigh(2), "the pulse ended");
        pipe.WriteFrame("13 00 05 02");
        Assert.Equal("93 00 05 00 00", Hex.Format(pipe.ReadFrame()));
        pipe.CloseFromClient();
    }

    [Fact]
    public void Pulses_on_several_pins_end_independently()
    {
        using var device = new TestDevice();
        device.Exchange("10 00 01 01 03", "10 00 02 02 03", "14 00 03 01 01 00 00 00 32", "14 00 04 02 01 00 00 27 10");

        Wait.Until(() => !device.Board.Digital.IsHigh(1), "the 50 ms pulse ended");
        Assert.True(device.Board.Digital.IsHigh(2), "the 10 s pulse ended early");
    }

    [Fact]
    public void Pin_mode_cancels_a_running_pulse()
    {
        using var device = new TestDevice();
        device.Exchange("10 00 01 02 03", "14 00 02 02 01 00 00 00 64", "10 00 03 02 03", "11 00 04 02 01");

        Thread.Sleep(300);
        Assert.True(device.Board.Digital.IsHigh(2), "a cancelled pulse restored its level");
    }
}
