using System.Diagnostics;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Sensors;
using NanoTlv.Messages;

namespace NanoTlv.VirtualDevice.Tests.Sensors;

/// <summary>The simulator at register level, through the virtual bus, without the driver.</summary>
public sealed class Bme280SimulatorTests
{
    private const int Address = 0x76;
    private readonly VirtualI2cBus _bus = new();
    private readonly Bme280Simulator _chip = new();
    private readonly byte[] _read = new byte[32];

    public Bme280SimulatorTests() => _bus.Attach(Address, _chip);

    [Fact]
    public void Chip_id_reads_0x60_after_a_register_pointer_write()
    {
        Assert.Equal(I2cResult.Ok, _bus.Write(Address, [Bme280Registers.ChipId], 0, 1));
        Assert.Equal(I2cResult.Ok, _bus.Read(Address, _read, 0, 1));

        Assert.Equal(0x60, _read[0]);
    }

    [Fact]
    public void Burst_reads_auto_increment_through_the_calibration_block()
    {
        byte[] expected = new byte[256];
        Bme280CalibrationValues.DatasheetSample.WriteTo(expected);

        Assert.Equal(I2cResult.Ok, _bus.WriteRead(Address, [Bme280Registers.Calibration00], 0, 1, _read, 0, 26));

        Assert.Equal(expected[0x88..0xA2], _read[..26]);
        Assert.Equal(0x70, _read[0]); // dig_T1 LSB of 27504
    }

    [Fact]
    public void A_write_of_register_value_pairs_sets_each_register()
    {
        Assert.Equal(I2cResult.Ok, _bus.Write(Address, [Bme280Registers.Config, 0x10, Bme280Registers.CtrlHum, 0x02], 0, 4));

        Assert.Equal(0x10, _chip.ReadRegister(Bme280Registers.Config));
        Assert.Equal(0x02, _chip.ReadRegister(Bme280Registers.CtrlHum));
    }

    [Fact]
    public void Read_only_registers_ignore_writes()
    {
        _bus.Write(Address, [Bme280Registers.ChipId, 0x11, 0x88, 0x00], 0, 4);

        Assert.Equal(0x60, _chip.ReadRegister(Bme280Registers.ChipId));
        Assert.Equal(0x70, _chip.ReadRegister(0x88));
    }

    [Fact]
    public void Ctrl_hum_takes_effect_only_at_the_next_ctrl_meas_write()
    {
        _chip.ConversionTimeMs = 0;

        // ctrl_meas (forced, 1x/1x) before ctrl_hum: humidity is skipped in that conversion.
        _bus.Write(Address, [Bme280Registers.CtrlMeas, 0x25, Bme280Registers.CtrlHum, 0x01], 0, 4);
        Assert.Equal(Bme280Registers.SkippedHumidity, _chip.RawHumidity);
        Assert.NotEqual(Bme280Registers.SkippedTemperatureOrPressure, _chip.RawTemperature);

        _bus.Write(Address, [Bme280Registers.CtrlMeas, 0x25], 0, 2);
        Assert.NotEqual(Bme280Registers.SkippedHumidity, _chip.RawHumidity);
    }

    [Fact]
    public void Skipped_measurements_read_their_reset_values()
    {
        _chip.ConversionTimeMs = 0;

        _bus.Write(Address, [Bme280Registers.CtrlHum, 0x00, Bme280Registers.CtrlMeas, 0x21], 0, 4); // T 1x, P skipped

        Assert.Equal(I2cResult.Ok, _bus.WriteRead(Address, [Bme280Registers.DataStart], 0, 1, _read, 0, 8));
        Assert.Equal(new byte[] { 0x80, 0x00, 0x00 }, _read[..3]);
        Assert.Equal(new byte[] { 0x80, 0x00 }, _read[6..8]);
        Assert.NotEqual(0x80, _read[3]);
    }

    [Fact]
    public void A_forced_conversion_shows_measuring_and_keeps_old_data_until_done()
    {
        _chip.ConversionTimeMs = 0;
        _bus.Write(Address, [Bme280Registers.CtrlHum, 0x01, Bme280Registers.CtrlMeas, 0x25], 0, 4);
        int before = _chip.RawTemperature;
        _chip.TemperatureCelsius = 40;
        _chip.ConversionTimeMs = 150;

        _bus.Write(Address, [Bme280Registers.CtrlMeas, 0x25], 0, 2);

        _bus.WriteRead(Address, [Bme280Registers.Status], 0, 1, _read, 0, 1);
        Assert.Equal(Bme280Registers.StatusMeasuring, _read[0] & Bme280Registers.StatusMeasuring);
        Assert.Equal(before, _chip.RawTemperature);
        Assert.Equal(Bme280Registers.ModeForced, _chip.Mode);

        Thread.Sleep(200);
        _bus.WriteRead(Address, [Bme280Registers.Status], 0, 1, _read, 0, 1);
        Assert.Equal(0, _read[0] & Bme280Registers.StatusMeasuring);
        Assert.NotEqual(before, _chip.RawTemperature);
        Assert.Equal(Bme280Registers.ModeSleep, _chip.Mode);
    }

    [Fact]
    public void Config_writes_are_ignored_in_normal_mode()
    {
        _bus.Write(Address, [Bme280Registers.Config, 0x40, Bme280Registers.CtrlMeas, 0x27], 0, 4);
        _bus.Write(Address, [Bme280Registers.Config, 0xA0], 0, 2);

        Assert.Equal(0x40, _chip.ReadRegister(Bme280Registers.Config));
        Assert.Equal(Bme280Registers.ModeNormal, _chip.Mode);
    }

    [Fact]
    public void Soft_reset_clears_control_and_data_and_copies_the_nvm()
    {
        _bus.Write(Address, [Bme280Registers.CtrlHum, 0x01, Bme280Registers.CtrlMeas, 0x27], 0, 4);
        var sinceReset = Stopwatch.StartNew();
        _bus.Write(Address, [Bme280Registers.Reset, Bme280Registers.ResetCommand], 0, 2);

        _bus.WriteRead(Address, [Bme280Registers.Status], 0, 1, _read, 0, 1);
        if (sinceReset.Elapsed.TotalMilliseconds < 1.5)
        {
            // The NVM copy takes the datasheet's 2 ms start-up time.
            Assert.Equal(Bme280Registers.StatusImUpdate, _read[0] & Bme280Registers.StatusImUpdate);
        }

        Thread.Sleep(5);
        _bus.WriteRead(Address, [Bme280Registers.Status], 0, 1, _read, 0, 1);
        Assert.Equal(0, _read[0] & Bme280Registers.StatusImUpdate);
        Assert.Equal(0, _chip.ReadRegister(Bme280Registers.CtrlMeas));
        Assert.Equal(0, _chip.ReadRegister(Bme280Registers.CtrlHum));
        Assert.Equal(Bme280Registers.SkippedTemperatureOrPressure, _chip.RawTemperature);
        Assert.Equal(0x60, _chip.ReadRegister(Bme280Registers.ChipId));
    }

    [Fact]
    public void Physical_values_outside_the_sensor_range_are_refused()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => _chip.SetEnvironment(90, 100000, 50));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => _chip.SetEnvironment(20, 20000, 50));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => _chip.SetEnvironment(20, 100000, 101));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => _chip.SetEnvironment(double.NaN, 100000, 50));
    }
}
