using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Sensors;
using NanoTlv.Messages;

namespace NanoTlv.VirtualDevice.Tests.Virtual;

public sealed class VirtualBoardTests
{
    [Fact]
    public void Services_expose_the_virtual_drivers_over_the_esp32_table()
    {
        using var board = new VirtualBoard();

        Assert.Same(board.Description, board.Services.Description);
        Assert.Same(board.Digital, board.Services.Digital);
        Assert.Same(board.Analog, board.Services.Analog);
        Assert.Same(board.Pwm, board.Services.Pwm);
        Assert.Same(board.I2c, board.Services.I2c);
        Assert.Same(board.System, board.Services.System);
        Assert.Equal(Esp32DevKitBoard.VariantName, board.Description.Name);
    }

    [Fact]
    public void A_restricted_description_is_enforced_by_the_drivers()
    {
        using var board = new VirtualBoard(Esp32DevKitBoard.Create().RestrictTo([4]));

        board.Digital.SetMode(4, GpioMode.Output);
        Assert.Throws<System.ArgumentException>(() => board.Digital.SetMode(5, GpioMode.Output));
    }

    [Fact]
    public void The_bme280_starts_attached_at_0x76_and_can_be_unplugged()
    {
        using var board = new VirtualBoard();
        var sensor = new Bme280(board.Services.I2c);
        var reading = new Bme280Reading();

        Assert.True(board.IsBme280Attached);
        Assert.Equal(Bme280.DefaultAddress, board.Bme280Address);
        Assert.Equal(SensorResult.Ok, sensor.Read(board.Bme280Address, reading));

        board.DetachBme280();
        Assert.False(board.IsBme280Attached);
        Assert.Equal(SensorResult.Absent, sensor.Read(board.Bme280Address, reading));

        board.AttachBme280();
        Assert.Equal(SensorResult.Ok, sensor.Read(board.Bme280Address, reading));
    }

    [Fact]
    public void Is_high_follows_outputs_written_through_the_services()
    {
        using var board = new VirtualBoard();
        IDigitalPins pins = board.Services.Digital;

        pins.SetMode(16, GpioMode.Output);
        pins.Write(16, true);
        Assert.True(board.IsHigh(16));

        pins.Write(16, false);
        Assert.False(board.IsHigh(16));
    }
}
