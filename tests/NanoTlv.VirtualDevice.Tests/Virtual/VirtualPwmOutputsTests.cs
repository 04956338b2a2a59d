using System;

namespace NanoTlv.VirtualDevice.Tests.Virtual;

public sealed class VirtualPwmOutputsTests : IDisposable
{
    private readonly VirtualBoard _board = new();

    public void Dispose() => _board.Dispose();

    [Fact]
    public void A_pin_never_started_is_not_running()
    {
        Assert.Equal(new PwmState(false, 0, 0), _board.GetPwmState(13));
    }

    [Fact]
    public void Start_update_and_stop_are_visible()
    {
        Assert.True(_board.Pwm.Start(13, 1000, 2500));
        Assert.Equal(new PwmState(true, 1000, 2500), _board.GetPwmState(13));

        Assert.True(_board.Pwm.Start(13, 5000, 10000));
        Assert.Equal(new PwmState(true, 5000, 10000), _board.GetPwmState(13));
        Assert.Equal(1, _board.Pwm.RunningCount);

        _board.Pwm.Stop(13);
        Assert.Equal(new PwmState(false, 5000, 10000), _board.GetPwmState(13));
        Assert.Equal(0, _board.Pwm.RunningCount);
    }

    [Fact]
    public void A_seventeenth_pin_finds_no_free_channel_until_one_stops()
    {
        int[] pins = [0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22];
        foreach (int pin in pins)
        {
            Assert.True(_board.Pwm.Start(pin, 100, 5000));
        }

        Assert.False(_board.Pwm.Start(23, 100, 5000));
        Assert.False(_board.GetPwmState(23).IsRunning);
        Assert.True(_board.Pwm.Start(22, 200, 100)); // updating a running pin needs no new channel

        _board.Pwm.Stop(0);
        Assert.True(_board.Pwm.Start(23, 100, 5000));
    }

    [Theory]
    [InlineData(34)]
    [InlineData(6)]
    [InlineData(24)]
    public void Pins_without_pwm_are_refused(int pin) =>
        Assert.Throws<ArgumentException>(() => _board.Pwm.Start(pin, 1000, 5000));

    [Fact]
    public void Stopping_a_pin_that_is_not_running_has_no_effect()
    {
        _board.Pwm.Stop(34);
        _board.Pwm.Stop(13);

        Assert.Equal(0, _board.Pwm.RunningCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => _board.Pwm.Stop(24));
    }

    [Theory]
    [InlineData(0, 5000)]
    [InlineData(1000, -1)]
    [InlineData(1000, 10001)]
    public void Out_of_range_settings_are_refused(int frequencyHz, int duty) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _board.Pwm.Start(13, frequencyHz, duty));
}
