using NanoTlv.Firmware.Commands;
using NanoTlv.Firmware.Tests.Support;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Firmware.Tests.Commands;

public sealed class AnalogAndSensorTests
{
    [Theory]
    [InlineData(0, "00 00 0C 00 00")]
    [InlineData(2048, "08 00 0C 06 0E")]   // 2048 × 3100 / 4095 = 1550
    [InlineData(4095, "0F FF 0C 0C 1C")]   // full scale 3100 mV
    [InlineData(1, "00 01 0C 00 00")]
    public void Analog_read_reports_raw_bits_and_millivolts(int raw, string data)
    {
        using var device = new TestDevice();
        device.Board.Analog.SetRaw(TestBoard.AnalogChannel, raw);

        Assert.Equal("B0 00 01 00 " + data, device.LastReply("30 00 01 08"));
    }

    [Fact]
    public void Analog_read_works_on_an_input_and_on_an_unconfigured_general_pin()
    {
        using var device = new TestDevice();
        device.Board.Analog.SetRaw(2, 100);

        var replies = device.ExchangeHex("30 00 01 04", "10 00 02 04 00", "30 00 03 04");

        Assert.Equal("B0 00 01 00 00 64 0C 00 4B", replies[0]);
        Assert.Equal("B0 00 03 00 00 64 0C 00 4B", replies[2]);
    }

    [Theory]
    [InlineData(4095, 12, 3300, 3300)]
    [InlineData(65535, 16, 65535, 65535)]
    [InlineData(1023, 10, 1100, 1100)]
    [InlineData(512, 10, 1100, 550)]
    [InlineData(-5, 12, 3300, 0)]
    [InlineData(4095, 12, 100000, 65535)]
    public void Millivolts_formula(int raw, int bits, int fullScale, int expected) =>
        Assert.Equal(expected, AnalogReadCommand.ToMillivolts(raw, bits, fullScale));

    [Fact]
    public void A_driver_that_throws_gets_InternalError_and_the_session_carries_on()
    {
        using var device = new TestDevice();
        device.Board.Analog.SimulateFault = true;

        var replies = device.ExchangeHex("30 00 01 08", "02 00 02 55");

        Assert.Equal("B0 00 01 12", replies[0]);
        Assert.Equal("82 00 02 00 55", replies[1]);
        Assert.Contains(device.Log.Errors, line => line.Contains("ANALOG_READ failed: ADC driver fault (test)", StringComparison.Ordinal));
    }

    [Fact]
    public void Internal_temperature_absent_gets_SensorAbsent()
    {
        using var device = new TestDevice();
        device.Board.System.HasInternalTemperatureSensor = false;

        Assert.Equal("D0 00 01 0B", device.LastReply("50 00 01 00"));
    }

    [Fact]
    public void Negative_internal_temperature_is_a_signed_i32()
    {
        using var device = new TestDevice();
        device.Board.System.InternalTemperatureCentiCelsius = -1234;

        Assert.Equal("D0 00 01 00 FF FF FB 2E", device.LastReply("50 00 01 00"));
    }

    [Theory]
    [InlineData("50 00 01 01")]
    [InlineData("50 00 01 01 00")]
    [InlineData("50 00 01 01 76")]
    public void Bme280_reports_what_the_simulated_sensor_measures(string request)
    {
        using var device = new TestDevice();
        device.Board.Bme280.SetEnvironment(21.5, 101325, 45.0);

        byte[] reply = device.Exchange(request)[0];

        Assert.Equal("D0 00 01 00", Hex.Format(reply.AsSpan(0, 4)));
        Assert.Equal(16, reply.Length);
        Assert.InRange(BigEndian.ReadUInt32(reply, 4), 2140u, 2160u);
        Assert.InRange(BigEndian.ReadUInt32(reply, 8) / 256.0, 101225, 101425);
        Assert.InRange(BigEndian.ReadUInt32(reply, 12) / 1024.0, 44, 46);
    }

    [Fact]
    public void Bme280_unplugged_gets_SensorAbsent_and_bus_errors_get_I2cBusError()
    {
        using var device = new TestDevice();
        device.Board.I2c.Detach(0x76);
        Assert.Equal("D0 00 01 0B", device.LastReply("50 00 01 01"));

        device.Board.I2c.Attach(0x76, device.Board.Bme280);
        device.Board.I2c.SimulateBusError = true;
        Assert.Equal("D0 00 01 0A", device.LastReply("50 00 01 01"));
        Assert.Equal("C3 00 01 0A", device.LastReply("43 00 01"));
    }

    [Fact]
    public void I2c_write_then_read_talks_to_the_device()
    {
        using var device = new TestDevice();

        // BME280: write ctrl_hum (0xF2) = 0x05, then read it back.
        var replies = device.ExchangeHex("40 00 01 76 F2 05", "42 00 02 76 01 F2", "40 00 03 76 F2", "41 00 04 76 01");

        Assert.Equal("C0 00 01 00", replies[0]);
        Assert.Equal("C2 00 02 00 05", replies[1]);
        Assert.Equal("C0 00 03 00", replies[2]);
        Assert.Equal("C1 00 04 00 05", replies[3]);
    }

    [Fact]
    public void I2c_read_of_255_bytes_fits_one_reply()
    {
        using var device = new TestDevice();

        byte[] reply = device.Exchange("42 00 01 76 FF 80")[0];

        Assert.Equal("C2 00 01 00", Hex.Format(reply.AsSpan(0, 4)));
        Assert.Equal(4 + 255, reply.Length);
    }
}
