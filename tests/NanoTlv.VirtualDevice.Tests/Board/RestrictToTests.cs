using System;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.VirtualDevice.Tests.Board;

public sealed class RestrictToTests
{
    private readonly BoardDescription _board = Esp32DevKitBoard.Create();

    [Fact]
    public void Pins_outside_the_allow_list_become_reserved_and_keep_their_other_flags()
    {
        BoardDescription restricted = _board.RestrictTo([4, 5, 34]);

        for (int pin = 0; pin < _board.PinCount; pin++)
        {
            PinDescription? original = _board.GetPin(pin);
            PinDescription? now = restricted.GetPin(pin);
            if (original == null)
            {
                Assert.Null(now);
                continue;
            }

            bool allowed = pin is 4 or 5 or 34;
            PinCapabilities expected = allowed ? original.Capabilities : original.Capabilities | PinCapabilities.Reserved;
            Assert.Equal(expected, now!.Capabilities);
            Assert.Equal(original.AdcChannel, now.AdcChannel);
            PinReservation reason = allowed || original.Reservation != PinReservation.None ? original.Reservation : PinReservation.NotAllowed;
            Assert.Equal(reason, now.Reservation);
        }
    }

    [Fact]
    public void Allowing_a_reserved_pin_does_not_lift_the_reservation()
    {
        BoardDescription restricted = _board.RestrictTo([6, 13]);

        Assert.True(restricted.GetPin(6)!.IsReserved);
        Assert.False(restricted.GetPin(13)!.IsReserved);
    }

    [Fact]
    public void The_original_is_unchanged_and_firmware_pins_keep_their_roles()
    {
        BoardDescription restricted = _board.RestrictTo([13]);

        Assert.False(_board.GetPin(4)!.IsReserved);
        Assert.True(restricted.GetPin(4)!.IsReserved);
        Assert.Equal(_board.Name, restricted.Name);
        Assert.Equal(_board.I2cDataPin, restricted.I2cDataPin);
        Assert.Equal(_board.I2cClockPin, restricted.I2cClockPin);
        Assert.Equal(_board.StatusLedPin, restricted.StatusLedPin);
    }

    [Fact]
    public void An_empty_allow_list_reserves_every_pin()
    {
        BoardDescription restricted = _board.RestrictTo([]);

        for (int pin = 0; pin < restricted.PinCount; pin++)
        {
            Assert.True(restricted.GetPin(pin)?.IsReserved ?? true);
        }
    }

    [Theory]
    [InlineData(24)]
    [InlineData(40)]
    [InlineData(-1)]
    public void A_pin_the_board_lacks_is_a_configuration_error(int pin)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => _board.RestrictTo([4, pin]));
        Assert.Contains("GPIO " + pin, error.Message, StringComparison.Ordinal);
    }
}
