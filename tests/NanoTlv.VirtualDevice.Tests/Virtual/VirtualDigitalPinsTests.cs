using System;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.VirtualDevice.Tests.TestSupport;

namespace NanoTlv.VirtualDevice.Tests.Virtual;

public sealed class VirtualDigitalPinsTests : IDisposable
{
    private const int InputPin = 4;
    private const int OtherPin = 13;
    private readonly VirtualBoard _board = new();
    private readonly RecordingListener _listener;

    public VirtualDigitalPinsTests() => _listener = new RecordingListener(_board.System);

    private VirtualDigitalPins Pins => _board.Digital;

    public void Dispose()
    {
        _board.Dispose();
        _listener.Dispose();
    }

    [Fact]
    public void Pull_up_reads_high_and_pull_down_low_when_undriven()
    {
        Pins.SetMode(InputPin, GpioMode.InputPullUp);
        Pins.SetMode(OtherPin, GpioMode.InputPullDown);

        Assert.True(Pins.Read(InputPin));
        Assert.False(Pins.Read(OtherPin));
    }

    [Fact]
    public void A_driven_line_overrides_the_pull_until_released()
    {
        Pins.SetMode(InputPin, GpioMode.InputPullUp);

        _board.DriveInput(InputPin, false);
        Assert.False(Pins.Read(InputPin));

        _board.ReleaseInput(InputPin);
        Assert.True(Pins.Read(InputPin));
    }

    [Fact]
    public void A_floating_input_reads_the_driven_level_or_low()
    {
        Pins.SetMode(36, GpioMode.Input);
        Assert.False(Pins.Read(36));

        _board.DriveInput(36, true);
        Assert.True(Pins.Read(36));
    }

    [Fact]
    public void Push_pull_output_reads_back_its_level_and_ignores_outside_drive()
    {
        Pins.SetMode(OtherPin, GpioMode.Output);
        Assert.False(_board.IsHigh(OtherPin));

        Pins.Write(OtherPin, true);
        _board.DriveInput(OtherPin, false);

        Assert.True(_board.IsHigh(OtherPin));
        Assert.True(Pins.Read(OtherPin));
    }

    [Fact]
    public void Open_drain_output_pulls_low_or_releases_to_the_wired_level()
    {
        Pins.SetMode(OtherPin, GpioMode.OutputOpenDrain);

        Pins.Write(OtherPin, true);
        Assert.True(_board.IsHigh(OtherPin)); // external pull-up
        _board.DriveInput(OtherPin, false);
        Assert.False(_board.IsHigh(OtherPin)); // another device holds the line low

        _board.DriveInput(OtherPin, true);
        Pins.Write(OtherPin, false);
        Assert.False(_board.IsHigh(OtherPin));
    }

    [Fact]
    public void Modes_are_recorded_per_pin()
    {
        Assert.Null(Pins.GetMode(InputPin));

        Pins.SetMode(InputPin, GpioMode.InputPullDown);
        Pins.SetMode(OtherPin, GpioMode.Output);

        Assert.Equal(GpioMode.InputPullDown, Pins.GetMode(InputPin));
        Assert.Equal(GpioMode.Output, Pins.GetMode(OtherPin));
    }

    [Theory]
    [InlineData(34, GpioMode.Output)]
    [InlineData(34, GpioMode.InputPullUp)]
    [InlineData(39, GpioMode.InputPullDown)]
    [InlineData(35, GpioMode.OutputOpenDrain)]
    [InlineData(6, GpioMode.Input)]
    public void Modes_the_pin_cannot_take_are_refused(int pin, GpioMode mode) =>
        Assert.Throws<ArgumentException>(() => Pins.SetMode(pin, mode));

    [Fact]
    public void A_missing_pin_is_out_of_range() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Pins.SetMode(24, GpioMode.Input));

    [Fact]
    public void Writing_an_input_or_using_an_unopened_pin_is_a_programming_error()
    {
        Pins.SetMode(InputPin, GpioMode.Input);

        Assert.Throws<InvalidOperationException>(() => Pins.Write(InputPin, true));
        Assert.Throws<InvalidOperationException>(() => Pins.Read(OtherPin));
        Assert.Throws<InvalidOperationException>(() => Pins.StartChangeEvents(OtherPin, 0, _listener));
    }

    [Fact]
    public void Without_debounce_every_change_is_reported_on_the_event_thread()
    {
        Pins.SetMode(InputPin, GpioMode.Input);
        Pins.StartChangeEvents(InputPin, 0, _listener);

        _board.DriveInput(InputPin, true);
        _board.DriveInput(InputPin, false);

        PinChange rising = _listener.Next();
        PinChange falling = _listener.Next();
        Assert.Equal((InputPin, true), (rising.Pin, rising.High));
        Assert.Equal((InputPin, false), (falling.Pin, falling.High));
        Assert.NotEqual(Environment.CurrentManagedThreadId, rising.ThreadId);
        Assert.Equal(Pins.EventThreadId, rising.ThreadId);
        Assert.True(falling.TimestampMs >= rising.TimestampMs);
    }

    [Fact]
    public void Driving_the_level_it_already_has_reports_nothing()
    {
        Pins.SetMode(InputPin, GpioMode.InputPullUp);
        Pins.StartChangeEvents(InputPin, 0, _listener);

        _board.DriveInput(InputPin, true);

        _listener.AssertNothingFor(100);
    }

    [Fact]
    public void A_glitch_shorter_than_the_debounce_time_is_not_reported()
    {
        Pins.SetMode(InputPin, GpioMode.Input);
        Pins.StartChangeEvents(InputPin, 100, _listener);

        _board.DriveInput(InputPin, true);
        _board.DriveInput(InputPin, false);
        _board.DriveInput(InputPin, true);
        _board.DriveInput(InputPin, false);

        _listener.AssertNothingFor(400);
    }

    [Fact]
    public void A_stable_change_is_reported_once_after_the_debounce_time_with_the_time_it_settled()
    {
        const int DebounceMs = 60;
        Pins.SetMode(InputPin, GpioMode.Input);
        Pins.StartChangeEvents(InputPin, DebounceMs, _listener);

        _board.DriveInput(InputPin, true);
        _board.DriveInput(InputPin, false);
        long settledAfterMs = _board.System.UptimeMs;
        _board.DriveInput(InputPin, true);

        PinChange change = _listener.Next();
        Assert.True(change.High);
        Assert.True(change.TimestampMs >= settledAfterMs);
        Assert.True(change.ArrivedAtMs - change.TimestampMs >= DebounceMs, "Reported after " + (change.ArrivedAtMs - change.TimestampMs) + " ms of stability.");
        _listener.AssertNothingFor(3 * DebounceMs);
    }

    [Fact]
    public void Each_change_restarts_the_debounce_period()
    {
        const int DebounceMs = 200;
        const int BounceMs = 30;
        Pins.SetMode(InputPin, GpioMode.Input);
        Pins.StartChangeEvents(InputPin, DebounceMs, _listener);

        // Bounce for longer than one debounce period in total, never stable for a whole one.
        for (int i = 0; i < 10; i++)
        {
            _board.DriveInput(InputPin, i % 2 == 0);
            Thread.Sleep(BounceMs);
        }

        long finalDriveMs = _board.System.UptimeMs;
        _board.DriveInput(InputPin, true);

        PinChange change = _listener.Next();
        Assert.True(change.High);
        Assert.True(change.TimestampMs >= finalDriveMs, "Reported a level settled at " + change.TimestampMs + " ms, before the last bounce at " + finalDriveMs + " ms.");
        Assert.True(change.ArrivedAtMs - change.TimestampMs >= DebounceMs);
        _listener.AssertNothingFor(DebounceMs);
    }

    [Fact]
    public void A_mode_change_that_moves_the_line_is_a_change()
    {
        Pins.SetMode(InputPin, GpioMode.Input);
        Pins.StartChangeEvents(InputPin, 0, _listener);

        Pins.SetMode(InputPin, GpioMode.InputPullUp);

        Assert.True(_listener.Next().High);
    }

    [Fact]
    public void Stopped_pins_report_nothing_more()
    {
        Pins.SetMode(InputPin, GpioMode.Input);
        Pins.StartChangeEvents(InputPin, 30, _listener);
        Assert.True(Pins.IsReportingChanges(InputPin));

        _board.DriveInput(InputPin, true);
        Pins.StopChangeEvents(InputPin);

        Assert.False(Pins.IsReportingChanges(InputPin));
        _listener.AssertNothingFor(150);
    }

    [Fact]
    public void A_throwing_listener_is_recorded_and_does_not_stop_other_events()
    {
        var faulty = new ThrowingListener();
        Pins.SetMode(InputPin, GpioMode.Input);
        Pins.SetMode(OtherPin, GpioMode.Input);
        Pins.StartChangeEvents(InputPin, 0, faulty);
        Pins.StartChangeEvents(OtherPin, 0, _listener);

        _board.DriveInput(InputPin, true);
        _board.DriveInput(OtherPin, true);

        Assert.Equal(OtherPin, _listener.Next().Pin);
        Assert.IsType<InvalidOperationException>(Pins.ListenerFault);
    }

    [Fact]
    public void Concurrent_drivers_and_readers_keep_the_pins_consistent()
    {
        Pins.SetMode(InputPin, GpioMode.Input);
        Pins.SetMode(OtherPin, GpioMode.Output);
        Pins.StartChangeEvents(InputPin, 0, _listener);
        var threads = new Thread[4];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < 500; i++)
                {
                    _board.DriveInput(InputPin, i % 2 == 0);
                    Pins.Write(OtherPin, i % 2 == 0);
                    Pins.Read(InputPin);
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(10000));
        }

        // Reported levels alternate: the listener never hears the same level twice in a row.
        bool? last = null;
        while (_listener.TryNext(500, out PinChange change))
        {
            Assert.NotEqual(last, change.High);
            last = change.High;
        }

        Assert.Equal(_board.IsHigh(InputPin), last);
    }
}
