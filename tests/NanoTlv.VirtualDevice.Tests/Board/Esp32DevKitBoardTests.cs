using System;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.VirtualDevice.Tests.Board;

public sealed class Esp32DevKitBoardTests
{
    private readonly BoardDescription _board = Esp32DevKitBoard.Create();

    [Fact]
    public void Describes_gpio_0_to_39_indexed_by_number()
    {
        Assert.Equal(40, _board.PinCount);
        Assert.Equal(Esp32DevKitBoard.VariantName, _board.Name);
        for (int pin = 0; pin < 40; pin++)
        {
            PinDescription? described = _board.GetPin(pin);
            if (described != null)
            {
                Assert.Equal(pin, described.Number);
            }
        }

        Assert.Null(_board.GetPin(40));
        Assert.Null(_board.GetPin(-1));
    }

    [Theory]
    [InlineData(6, PinReservation.Flash)]
    [InlineData(11, PinReservation.Flash)]
    [InlineData(1, PinReservation.Console)]
    [InlineData(3, PinReservation.Console)]
    [InlineData(2, PinReservation.StatusLed)]
    [InlineData(21, PinReservation.I2cData)]
    [InlineData(22, PinReservation.I2cClock)]
    [InlineData(4, PinReservation.None)]
    [InlineData(36, PinReservation.None)]
    public void Each_firmware_owned_pin_carries_its_own_reason(int pin, PinReservation reason) =>
        Assert.Equal(reason, _board.GetPin(pin)!.Reservation);

    [Fact]
    public void Module_reserved_pins_and_moved_firmware_pins_carry_their_reasons()
    {
        BoardDescription wrover = Esp32DevKitBoard.Create("WROVER", 25, 26, 27, [16, 17]);

        Assert.Equal(PinReservation.ModuleWiring, wrover.GetPin(16)!.Reservation);
        Assert.Equal(PinReservation.I2cData, wrover.GetPin(25)!.Reservation);
        Assert.Equal(PinReservation.I2cClock, wrover.GetPin(26)!.Reservation);
        Assert.Equal(PinReservation.StatusLed, wrover.GetPin(27)!.Reservation);
        Assert.Equal(PinReservation.None, wrover.GetPin(21)!.Reservation);
        Assert.Equal(PinReservation.None, wrover.GetPin(2)!.Reservation);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(29)]
    [InlineData(30)]
    [InlineData(31)]
    public void Numbers_the_chip_lacks_are_null(int pin) => Assert.Null(_board.GetPin(pin));

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    public void Flash_pins_are_reserved_and_nothing_else(int pin)
    {
        PinDescription described = _board.GetPin(pin)!;
        Assert.True(described.IsReserved);
        Assert.Equal(PinCapabilities.Reserved, described.Capabilities);
    }

    [Theory]
    [InlineData(34)]
    [InlineData(35)]
    [InlineData(36)]
    [InlineData(37)]
    [InlineData(38)]
    [InlineData(39)]
    public void Pins_34_to_39_are_input_only_without_pulls(int pin)
    {
        PinDescription described = _board.GetPin(pin)!;
        Assert.True(described.Has(PinCapabilities.DigitalInput));
        Assert.False(described.Has(PinCapabilities.DigitalOutput));
        Assert.False(described.Has(PinCapabilities.OpenDrain));
        Assert.False(described.Has(PinCapabilities.PullUp));
        Assert.False(described.Has(PinCapabilities.PullDown));
        Assert.False(described.Has(PinCapabilities.Pwm));
        Assert.False(described.IsReserved);
    }

    [Fact]
    public void Exactly_pins_0_2_5_12_15_are_strapping()
    {
        int[] strapping = [0, 2, 5, 12, 15];
        for (int pin = 0; pin < 40; pin++)
        {
            PinDescription? described = _board.GetPin(pin);
            bool expected = Array.IndexOf(strapping, pin) >= 0;
            Assert.Equal(expected, described != null && described.Has(PinCapabilities.Strapping));
        }
    }

    [Fact]
    public void Adc1_channels_sit_on_their_pins_and_no_other_pin_is_analog()
    {
        int[] pinByChannel = [36, 37, 38, 39, 32, 33, 34, 35];
        for (int pin = 0; pin < 40; pin++)
        {
            PinDescription? described = _board.GetPin(pin);
            if (described == null)
            {
                continue;
            }

            int channel = Array.IndexOf(pinByChannel, pin);
            Assert.Equal(channel >= 0, described.Has(PinCapabilities.Analog));
            Assert.Equal(channel >= 0 ? channel : PinDescription.AdcChannelNone, described.AdcChannel);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(25)]
    [InlineData(26)]
    [InlineData(27)]
    public void Adc2_pins_are_not_analog_because_wifi_owns_adc2(int pin)
    {
        PinDescription described = _board.GetPin(pin)!;
        Assert.False(described.Has(PinCapabilities.Analog));
        Assert.Equal(PinDescription.AdcChannelNone, described.AdcChannel);
    }

    [Fact]
    public void Every_output_capable_pin_has_pwm_and_no_other_does()
    {
        int outputs = 0;
        for (int pin = 0; pin < 40; pin++)
        {
            PinDescription? described = _board.GetPin(pin);
            if (described == null)
            {
                continue;
            }

            bool output = described.Has(PinCapabilities.DigitalOutput);
            Assert.Equal(output, described.Has(PinCapabilities.Pwm));
            outputs += output ? 1 : 0;
        }

        // 40 numbers - 6 missing - 6 flash - 6 input-only.
        Assert.Equal(22, outputs);
    }

    [Fact]
    public void Default_i2c_is_21_22_and_status_led_is_2()
    {
        Assert.Equal(21, _board.I2cDataPin);
        Assert.Equal(22, _board.I2cClockPin);
        Assert.Equal(2, _board.StatusLedPin);
        Assert.True(_board.GetPin(21)!.Has(PinCapabilities.I2c));
        Assert.True(_board.GetPin(22)!.Has(PinCapabilities.I2c));
        Assert.True(_board.GetPin(2)!.Has(PinCapabilities.SystemUse | PinCapabilities.Strapping));
        Assert.Equal(2, CountPinsWith(_board, PinCapabilities.I2c));
    }

    [Fact]
    public void Uart0_pins_are_flagged_for_system_use()
    {
        Assert.True(_board.GetPin(1)!.Has(PinCapabilities.SystemUse));
        Assert.True(_board.GetPin(3)!.Has(PinCapabilities.SystemUse));
        Assert.Equal(3, CountPinsWith(_board, PinCapabilities.SystemUse));
    }

    [Fact]
    public void Other_i2c_and_led_pins_move_the_flags()
    {
        BoardDescription board = Esp32DevKitBoard.Create(i2cDataPin: 18, i2cClockPin: 19, statusLedPin: 13);

        Assert.Equal(18, board.I2cDataPin);
        Assert.Equal(19, board.I2cClockPin);
        Assert.Equal(13, board.StatusLedPin);
        Assert.True(board.GetPin(18)!.Has(PinCapabilities.I2c));
        Assert.True(board.GetPin(19)!.Has(PinCapabilities.I2c));
        Assert.False(board.GetPin(21)!.Has(PinCapabilities.I2c));
        Assert.True(board.GetPin(13)!.Has(PinCapabilities.SystemUse));
        Assert.False(board.GetPin(2)!.Has(PinCapabilities.SystemUse));
    }

    [Fact]
    public void No_pin_is_allowed_for_optional_roles()
    {
        BoardDescription board = Esp32DevKitBoard.Create(BoardDescription.NoPin, BoardDescription.NoPin, BoardDescription.NoPin);

        Assert.Equal(0, CountPinsWith(board, PinCapabilities.I2c));
        Assert.Equal(BoardDescription.NoPin, board.StatusLedPin);
    }

    [Theory]
    [InlineData(34, 22, 2)]
    [InlineData(21, 7, 2)]
    [InlineData(21, 22, 24)]
    [InlineData(21, 21, 2)]
    [InlineData(21, 22, 22)]
    [InlineData(40, 22, 2)]
    public void Firmware_roles_on_unusable_or_shared_pins_are_refused(int sda, int scl, int led) =>
        Assert.Throws<ArgumentException>(() => Esp32DevKitBoard.Create(sda, scl, led));

    [Fact]
    public void Wrover_variant_reserves_psram_pins_and_has_no_led()
    {
        // Espressif ESP32-DevKitC with a WROVER module: GPIO 16/17 drive the PSRAM; no user LED.
        BoardDescription board = Esp32DevKitBoard.Create(
            "ESP32-DevKitC (WROVER)", Esp32DevKitBoard.DefaultI2cDataPin, Esp32DevKitBoard.DefaultI2cClockPin, BoardDescription.NoPin, [16, 17]);

        Assert.Equal(PinCapabilities.Reserved, board.GetPin(16)!.Capabilities);
        Assert.Equal(PinCapabilities.Reserved, board.GetPin(17)!.Capabilities);
        Assert.Equal(BoardDescription.NoPin, board.StatusLedPin);
        Assert.False(board.GetPin(2)!.Has(PinCapabilities.SystemUse));
        Assert.False(board.GetPin(18)!.IsReserved);
    }

    [Fact]
    public void Lolin_d32_variant_has_its_led_on_5()
    {
        // WEMOS LOLIN D32 (WROOM-32): LED on GPIO 5.
        BoardDescription board = Esp32DevKitBoard.Create("LOLIN D32", Esp32DevKitBoard.DefaultI2cDataPin, Esp32DevKitBoard.DefaultI2cClockPin, 5, []);

        Assert.Equal(5, board.StatusLedPin);
        Assert.True(board.GetPin(5)!.Has(PinCapabilities.SystemUse | PinCapabilities.Strapping));
        Assert.Equal(Esp32DevKitBoard.Create().GetPin(36)!.Capabilities, board.GetPin(36)!.Capabilities);
    }

    private static int CountPinsWith(BoardDescription board, PinCapabilities flag)
    {
        int count = 0;
        for (int pin = 0; pin < board.PinCount; pin++)
        {
            count += board.GetPin(pin)?.Has(flag) == true ? 1 : 0;
        }

        return count;
    }
}
