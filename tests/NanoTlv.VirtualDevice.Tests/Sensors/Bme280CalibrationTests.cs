using NanoTlv.Firmware.Sensors;
using NanoTlv.VirtualDevice.Tests.TestSupport;
using static NanoTlv.VirtualDevice.Tests.TestSupport.Bme280DoublePrecision;

namespace NanoTlv.VirtualDevice.Tests.Sensors;

public sealed class Bme280CalibrationTests
{
    private static readonly Bme280CalibrationValues Sample = Bme280CalibrationValues.DatasheetSample;

    [Fact]
    public void Load_decodes_little_endian_fields_and_the_packed_h4_h5()
    {
        // Bytes as the chip stores them: the datasheet sample T/P values, hand-picked negative H4/H5.
        byte[] block00 =
        [
            0x70, 0x6B, // T1 = 27504
            0x43, 0x67, // T2 = 26435
            0x18, 0xFC, // T3 = -1000
            0x7D, 0x8E, // P1 = 36477
            0x43, 0xD6, // P2 = -10685
            0xD0, 0x0B, // P3 = 3024
            0x27, 0x0B, // P4 = 2855
            0x8C, 0x00, // P5 = 140
            0xF9, 0xFF, // P6 = -7
            0x8C, 0x3C, // P7 = 15500
            0xF8, 0xC6, // P8 = -14600
            0x70, 0x17, // P9 = 6000
            0x00,       // 0xA0 unused
            0x4B,       // H1 = 75
        ];
        byte[] block26 =
        [
            0x6A, 0x01, // H2 = 362
            0x07,       // H3 = 7
            0xEA,       // 0xE4: H4[11:4]
            0x35,       // 0xE5: H5[3:0] = 3, H4[3:0] = 5
            0xFD,       // 0xE6: H5[11:4]
            0xE2,       // H6 = -30
        ];
        var calibration = new Bme280Calibration();

        calibration.Load(block00, 0, block26, 0);

        Assert.Equal(
            [27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000],
            new[] { calibration.T1, calibration.T2, calibration.T3, calibration.P1, calibration.P2, calibration.P3, calibration.P4, calibration.P5, calibration.P6, calibration.P7, calibration.P8, calibration.P9 });
        Assert.Equal(75, calibration.H1);
        Assert.Equal(362, calibration.H2);
        Assert.Equal(7, calibration.H3);
        Assert.Equal(unchecked((sbyte)0xEA) * 16 + 5, calibration.H4); // -347
        Assert.Equal(unchecked((sbyte)0xFD) * 16 + 3, calibration.H5); // -45
        Assert.Equal(-30, calibration.H6);
    }

    [Theory]
    [InlineData(313, 50)]
    [InlineData(-2048, 2047)]
    [InlineData(2047, -2048)]
    [InlineData(-1, -1)]
    [InlineData(0, 0)]
    public void Registers_written_by_the_simulator_decode_to_the_same_h4_h5(int h4, int h5)
    {
        byte[] registers = new byte[256];
        (Sample with { H4 = h4, H5 = h5 }).WriteTo(registers);
        var calibration = new Bme280Calibration();

        calibration.Load(registers, Bme280Registers.Calibration00, registers, Bme280Registers.Calibration26);

        Assert.Equal(h4, calibration.H4);
        Assert.Equal(h5, calibration.H5);
    }

    [Fact]
    public void Datasheet_example_gives_25_08_degrees_and_its_t_fine()
    {
        Bme280Calibration calibration = Calibrations.Load(Sample);

        int centiCelsius = calibration.CompensateTemperature(519888, out int fine);

        Assert.Equal(2508, centiCelsius);
        Assert.Equal(128422, fine);
    }

    [Fact]
    public void Datasheet_example_gives_100653_pascal()
    {
        Bme280Calibration calibration = Calibrations.Load(Sample);

        double pascal = calibration.CompensatePressure(415148, 128422) / 256.0;

        Assert.Equal(100653.27, pascal, 0.5);
        Assert.Equal(Bme280DoublePrecision.Pressure(Sample, 415148, 128422), pascal, PascalAgreement);
    }

    [Theory]
    [InlineData(400000, 300000, 20000)]
    [InlineData(519888, 415148, 28000)]
    [InlineData(600000, 250000, 36000)]
    [InlineData(450000, 350000, 31000)]
    public void Integer_formulas_agree_with_the_datasheet_floating_point_ones(int adcT, int adcP, int adcH)
    {
        Bme280CalibrationValues values = Sample with { H3 = 12, H6 = -6 };
        Bme280Calibration calibration = Calibrations.Load(values);

        int centiCelsius = calibration.CompensateTemperature(adcT, out int fine);
        double expectedCelsius = Bme280DoublePrecision.Temperature(values, adcT, out int expectedFine);

        Assert.Equal(expectedCelsius, centiCelsius / 100.0, CelsiusAgreement);
        Assert.Equal(expectedFine, fine, FineTemperatureAgreement);
        Assert.Equal(Bme280DoublePrecision.Pressure(values, adcP, fine), calibration.CompensatePressure(adcP, fine) / 256.0, PascalAgreement);
        Assert.Equal(Bme280DoublePrecision.Humidity(values, adcH, fine), calibration.CompensateHumidity(adcH, fine) / 1024.0, HumidityAgreement);
    }

    [Fact]
    public void Humidity_is_clamped_to_0_and_100_percent()
    {
        Bme280Calibration calibration = Calibrations.Load(Sample);
        calibration.CompensateTemperature(519888, out int fine);

        Assert.Equal(0u, calibration.CompensateHumidity(0, fine));
        Assert.Equal(100u * 1024, calibration.CompensateHumidity(65535, fine));
    }
}
