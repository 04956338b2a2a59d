using System;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using NanoTlv.Firmware.Sensors;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice.Tests.TestSupport;
using static NanoTlv.VirtualDevice.Tests.TestSupport.Bme280DoublePrecision;

namespace NanoTlv.VirtualDevice.Tests.Sensors;

public sealed class Bme280DriverTests : IDisposable
{
    // Quantisation at 1x oversampling (datasheet table 7): 0.005 °C, 2.62 Pa, humidity 16 bits (~0.006 %RH
    // here); the nearest grid value lies within half a step, plus the output format's last digit.
    private const double CelsiusTolerance = 0.01;
    private const double PascalTolerance = 1.4;
    private const double HumidityTolerance = 0.01;

    private const int Address = Bme280.DefaultAddress;

    private readonly VirtualBoard _board = new();
    private readonly Bme280Reading _reading = new();

    public void Dispose() => _board.Dispose();

    [Fact]
    public void Reads_back_what_the_simulator_was_set_to()
    {
        _board.SetEnvironment(23.45, 100000, 45);
        var sensor = new Bme280(_board.I2c);

        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));

        Assert.True(_reading.IsValid);
        Assert.Equal(23.45, _reading.TemperatureCentiCelsius / 100.0, CelsiusTolerance);
        Assert.Equal(100000, _reading.PressurePaQ24Dot8 / 256.0, PascalTolerance);
        Assert.Equal(45, _reading.HumidityPercentQ22Dot10 / 1024.0, HumidityTolerance);
    }

    [Fact]
    public void Readings_match_the_datasheet_floating_point_formulas_on_the_same_raw_values()
    {
        var simulator = new Bme280Simulator(Bme280CalibrationValues.DatasheetSample with { H3 = 12, H6 = -6 });
        _board.DetachBme280();
        _board.I2c.Attach(Bme280.DefaultAddress, simulator);
        simulator.SetEnvironment(-12.5, 87000, 83);
        var sensor = new Bme280(_board.I2c);

        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));

        // The raw values the driver read are still in the chip's data registers (it is asleep after a forced conversion).
        Bme280CalibrationValues c = simulator.Calibration;
        double celsius = Bme280DoublePrecision.Temperature(c, simulator.RawTemperature, out int floatingFine);
        Calibrations.Load(c).CompensateTemperature(simulator.RawTemperature, out int fine);
        Assert.Equal(celsius, _reading.TemperatureCentiCelsius / 100.0, CelsiusAgreement);
        Assert.Equal(floatingFine, fine, FineTemperatureAgreement);
        Assert.Equal(Bme280DoublePrecision.Pressure(c, simulator.RawPressure, fine), _reading.PressurePaQ24Dot8 / 256.0, PascalAgreement);
        Assert.Equal(Bme280DoublePrecision.Humidity(c, simulator.RawHumidity, fine), _reading.HumidityPercentQ22Dot10 / 1024.0, HumidityAgreement);
        Assert.Equal(-12.5, _reading.TemperatureCentiCelsius / 100.0, CelsiusTolerance);
    }

    [Fact]
    public void Round_trips_across_the_sensor_range_within_half_a_quantisation_step()
    {
        var sensor = new Bme280(_board.I2c);
        Bme280Simulator chip = _board.Bme280;
        Bme280Calibration calibration = Calibrations.Load(_board.Bme280.Calibration);
        Gen.Select(Gen.Double[-40, 85], Gen.Double[30000, 110000], Gen.Double[0, 100]).Sample(
            (celsius, pascal, humidity) =>
            {
                _board.SetEnvironment(celsius, pascal, humidity);
                Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));

                // At 1x raw T and P move in steps of 16 (16-bit resolution), raw H in steps of 1: the simulator picks
                // the nearest step, so a reading lies within half a step of the set value plus the format's last digit.
                calibration.CompensateTemperature(chip.RawTemperature, out int fine);
                double celsiusTolerance = (Calibrations.TemperatureStepCelsius(calibration, chip.RawTemperature, 16) / 2) + 0.01;
                double pascalTolerance = (Calibrations.PressureStepPa(calibration, chip.RawPressure, 16, fine) / 2) + (1 / 256.0);
                double humidityTolerance = (Calibrations.HumidityStepPercent(calibration, chip.RawHumidity, fine) / 2) + (1 / 1024.0);
                Assert.Equal(celsius, _reading.TemperatureCentiCelsius / 100.0, celsiusTolerance);
                Assert.Equal(pascal, _reading.PressurePaQ24Dot8 / 256.0, pascalTolerance);
                Assert.Equal(humidity, _reading.HumidityPercentQ22Dot10 / 1024.0, humidityTolerance);
            },
            iter: 300,
            threads: 1);
    }

    [Fact]
    public void One_times_oversampling_reads_16_bit_raw_values()
    {
        var sensor = new Bme280(_board.I2c);

        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));

        // At 1x the chip delivers 16-bit temperature and pressure: the 4 lowest bits of the 20-bit fields stay 0.
        Assert.Equal(0, _board.Bme280.RawTemperature & 0x0F);
        Assert.Equal(0, _board.Bme280.RawPressure & 0x0F);
    }

    [Fact]
    public void Forced_mode_converts_once_per_read_and_returns_the_chip_to_sleep()
    {
        var sensor = new Bme280(_board.I2c);
        _board.SetEnvironment(10, 95000, 30);
        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));
        int conversions = _board.Bme280.ForcedConversions;

        _board.SetEnvironment(30, 105000, 70);
        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));

        Assert.Equal(conversions + 1, _board.Bme280.ForcedConversions);
        Assert.Equal(Bme280Registers.ModeSleep, _board.Bme280.Mode);
        Assert.Equal(30, _reading.TemperatureCentiCelsius / 100.0, CelsiusTolerance);
        Assert.Equal(70, _reading.HumidityPercentQ22Dot10 / 1024.0, HumidityTolerance);
    }

    [Fact]
    public void Forced_mode_waits_for_a_conversion_slower_than_typical()
    {
        _board.Bme280.ConversionTimeMs = 10; // the datasheet maximum at 1x; the driver first sleeps the typical 8 ms
        var sensor = new Bme280(_board.I2c);

        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));
        Assert.True(_reading.IsValid);
    }

    [Fact]
    public void A_conversion_that_never_ends_is_busy_and_invalid()
    {
        var sensor = new Bme280(_board.I2c);
        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));
        _board.Bme280.ConversionTimeMs = 60000;

        Assert.Equal(SensorResult.NotReady, sensor.Read(Address, _reading));
        Assert.False(_reading.IsValid);

        // Not ready keeps the initialisation: the next read does not check the chip id again.
        _board.Bme280.ConversionTimeMs = null;
        _board.Bme280.ChipId = 0x58;
        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));
    }

    [Fact]
    public void A_wrong_chip_id_is_sensor_absent_until_a_bme280_answers()
    {
        _board.Bme280.ChipId = 0x58; // a BMP280: no humidity
        var sensor = new Bme280(_board.I2c);

        Assert.Equal(SensorResult.Absent, sensor.Read(Address, _reading));
        Assert.False(_reading.IsValid);
        Assert.Equal(SensorResult.Absent, sensor.Read(Address, _reading)); // checked again, not taken as initialised

        _board.Bme280.ChipId = Bme280Registers.ExpectedChipId;
        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));
        Assert.True(_reading.IsValid);
    }

    [Fact]
    public void No_acknowledge_is_sensor_absent_and_the_sensor_is_found_again_when_plugged_back()
    {
        var sensor = new Bme280(_board.I2c);
        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));

        _board.DetachBme280();
        Assert.Equal(SensorResult.Absent, sensor.Read(Address, _reading));
        Assert.False(_reading.IsValid);

        // Another chip plugged in: only a fresh initialisation (its calibration) gives its values.
        var other = new Bme280Simulator(Bme280CalibrationValues.DatasheetSample with { T1 = 28000, T2 = 26000, P1 = 37000, H2 = 350 });
        other.SetEnvironment(5, 90000, 80);
        _board.I2c.Attach(Address, other);
        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));
        Assert.Equal(5, _reading.TemperatureCentiCelsius / 100.0, CelsiusTolerance);
        Assert.Equal(90000, _reading.PressurePaQ24Dot8 / 256.0, PascalTolerance);
        Assert.Equal(80, _reading.HumidityPercentQ22Dot10 / 1024.0, HumidityTolerance);
    }

    [Fact]
    public void An_empty_secondary_address_is_sensor_absent()
    {
        var sensor = new Bme280(_board.I2c);

        Assert.Equal(SensorResult.Absent, sensor.Read(Bme280.SecondaryAddress, _reading));
    }

    [Fact]
    public void Switching_address_reads_the_other_chips_calibration()
    {
        var other = new Bme280Simulator(Bme280CalibrationValues.DatasheetSample with { T1 = 28000, T2 = 26000, P1 = 37000, H2 = 350 });
        other.SetEnvironment(5, 90000, 80);
        _board.I2c.Attach(Bme280.SecondaryAddress, other);
        _board.SetEnvironment(25, 101000, 40);
        var sensor = new Bme280(_board.I2c);

        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));
        Assert.Equal(25, _reading.TemperatureCentiCelsius / 100.0, CelsiusTolerance);
        Assert.Equal(SensorResult.Ok, sensor.Read(Bme280.SecondaryAddress, _reading));
        Assert.Equal(5, _reading.TemperatureCentiCelsius / 100.0, CelsiusTolerance);
        Assert.Equal(90000, _reading.PressurePaQ24Dot8 / 256.0, PascalTolerance);
        Assert.Equal(80, _reading.HumidityPercentQ22Dot10 / 1024.0, HumidityTolerance);
    }

    [Fact]
    public void A_bus_error_is_reported_as_such()
    {
        var sensor = new Bme280(_board.I2c);
        _board.I2c.SimulateBusError = true;

        Assert.Equal(SensorResult.BusError, sensor.Read(Address, _reading));
        Assert.False(_reading.IsValid);
    }

    [Theory]
    [InlineData(0x80)]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_address_beyond_7_bits_is_a_bad_argument(int address)
    {
        var sensor = new Bme280(_board.I2c);

        Assert.Equal(SensorResult.BadAddress, sensor.Read(address, _reading));
        Assert.Equal(0, _board.I2c.TransferCount);
    }

    [Fact]
    public void Initialisation_writes_config_then_ctrl_hum_then_ctrl_meas_for_1x_oversampling_and_no_filter()
    {
        var sensor = new Bme280(_board.I2c);

        Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading));

        // The simulator latches ctrl_hum only at a ctrl_meas write: osrs_h is active only if the order was right,
        // which the first conversion shows as a humidity that is not the "skipped" value.
        Assert.Equal(1, _board.Bme280.ReadRegister(Bme280Registers.CtrlHum));
        Assert.Equal((1 << 5) | (1 << 2) | Bme280Registers.ModeSleep, _board.Bme280.ReadRegister(Bme280Registers.CtrlMeas));
        Assert.Equal(0, _board.Bme280.ReadRegister(Bme280Registers.Config));
        Assert.NotEqual(Bme280Registers.SkippedHumidity, _board.Bme280.RawHumidity);
    }

    [Fact]
    public void Concurrent_reads_are_serialised()
    {
        var sensor = new Bme280(_board.I2c);
        _board.SetEnvironment(22, 100500, 50);

        Parallel.For(0, 4, _ =>
        {
            var reading = new Bme280Reading();
            for (int i = 0; i < 25; i++)
            {
                Assert.Equal(SensorResult.Ok, sensor.Read(Address, reading));
                Assert.Equal(22, reading.TemperatureCentiCelsius / 100.0, CelsiusTolerance);
            }
        });
    }

    [Fact]
    public void A_read_allocates_nothing()
    {
        var sensor = new Bme280(_board.I2c);
        _board.Bme280.ConversionTimeMs = 0;
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(SensorResult.Ok, sensor.Read(Address, _reading)); // warm-up: initialisation and JIT
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            sensor.Read(Address, _reading);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(_reading.IsValid);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Constructor_refuses_bad_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new Bme280(null!));
        Assert.Throws<ArgumentNullException>(() => new Bme280(_board.I2c).Read(0, null!));
    }
}
