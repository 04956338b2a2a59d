using System;
using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice.Tests.Virtual;

public sealed class VirtualAnalogInputsTests : IDisposable
{
    private readonly VirtualBoard _board = new();

    public void Dispose() => _board.Dispose();

    [Fact]
    public void Is_a_12_bit_3100_mv_adc_like_the_esp32_with_the_eight_adc1_channels()
    {
        Assert.Equal(12, _board.Analog.ResolutionBits);
        Assert.Equal(3100, _board.Analog.FullScaleMillivolts);
        Assert.Equal(Esp32DevKitBoard.AdcFullScaleMillivolts, _board.Analog.FullScaleMillivolts);
        Assert.Equal(4095, _board.Analog.MaxRaw);
        Assert.Equal(8, _board.Analog.ChannelCount);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1550, 2048)]
    [InlineData(1000, 1321)]
    [InlineData(3100, 4095)]
    [InlineData(5000, 4095)]
    [InlineData(-200, 0)]
    public void Millivolts_map_to_the_nearest_raw_value_clamped_to_the_range(int millivolts, int raw)
    {
        Assert.Equal((int)Math.Clamp(Math.Round(millivolts * 4095 / 3100.0, MidpointRounding.AwayFromZero), 0, 4095), raw);

        _board.SetAnalogMillivolts(34, millivolts);

        Assert.Equal(raw, _board.Analog.Read(6));
    }

    [Fact]
    public void Pins_map_to_their_own_channels()
    {
        _board.SetAnalogMillivolts(36, 100);
        _board.SetAnalogMillivolts(32, 200);
        _board.SetAnalogMillivolts(35, 300);

        Assert.Equal(_board.Analog.ToRaw(100), _board.Analog.Read(0));
        Assert.Equal(_board.Analog.ToRaw(200), _board.Analog.Read(4));
        Assert.Equal(_board.Analog.ToRaw(300), _board.Analog.Read(7));
        Assert.Equal(0, _board.Analog.Read(1));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(25)]
    [InlineData(24)]
    public void Pins_without_an_adc_channel_are_refused(int pin) =>
        Assert.Throws<ArgumentException>(() => _board.SetAnalogMillivolts(pin, 1000));

    [Fact]
    public void Channels_outside_the_adc_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _board.Analog.Read(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => _board.Analog.SetRaw(0, 4096));
    }
}
