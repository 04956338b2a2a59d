using System.Text;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Integration.Tests;

/// <summary>Every command family over loopback TCP against the virtual ESP32 DevKit.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly RunningDevice _device = new();

    [Fact]
    public void Hello_reports_version_limits_capabilities_and_name()
    {
        using var client = _device.Connect();
        string name = Hex.Format(Encoding.ASCII.GetBytes(RunningDevice.DefaultName));

        // Firmware 1.4.2 is RunningDevice.DefaultFirmware.
        Assert.Equal("81 00 01 00 01 04 00 00 00 00 7F 01 04 02 01 0D " + name, client.Request("01 00 01 01 00"));
    }

    [Fact]
    public void Caps_lists_the_devkit_pins()
    {
        using var client = _device.Connect();
        client.SendFrame("04 00 01");
        byte[] caps = client.ReadFrame();

        Assert.Equal("84 00 01 00", Hex.Format(caps[..4]));
        Assert.Equal(34, caps[4]); // GPIO 0..39 without 20, 24, 28..31
        Assert.Equal(4 + MessageCatalog.CapsReplyBytes(34, 2), caps.Length); // and 2 sensors: internal, BME280
    }

    [Fact]
    public void Digital_output_write_toggle_read()
    {
        using var client = _device.Connect();

        Assert.Equal("90 00 01 00", client.Request("10 00 01 04 03"));
        Assert.Equal("91 00 02 00", client.Request("11 00 02 04 01"));
        Assert.True(_device.Board.IsHigh(4));
        Assert.Equal("93 00 03 00 00", client.Request("13 00 03 04"));
        Assert.False(_device.Board.IsHigh(4));
        Assert.Equal("92 00 04 00 00", client.Request("12 00 04 04"));
        Assert.Equal("90 00 05 04", client.Request("10 00 05 06 03"));
        Assert.Equal("90 00 06 05", client.Request("10 00 06 22 03"));
    }

    [Fact]
    public void Digital_input_reads_the_driven_line()
    {
        using var client = _device.Connect();
        Assert.Equal("90 00 01 00", client.Request("10 00 01 1B 00"));

        _device.Board.DriveInput(27, true);
        Assert.Equal("92 00 02 00 01", client.Request("12 00 02 1B"));
        _device.Board.DriveInput(27, false);
        Assert.Equal("92 00 03 00 00", client.Request("12 00 03 1B"));
    }

    [Fact]
    public void Analog_read_converts_the_applied_voltage()
    {
        using var client = _device.Connect();
        _device.Board.SetAnalogMillivolts(36, 1650);

        byte[] reply = Hex.Parse(client.Request("30 00 01 24"));

        Assert.Equal("B0 00 01 00", Hex.Format(reply[..4]));
        Assert.Equal(12, reply[6]);
        Assert.InRange(BigEndian.ReadUInt16(reply, 4), 2172, 2188);
        Assert.InRange(BigEndian.ReadUInt16(reply, 7), 1640, 1660);
        Assert.Equal("B0 00 02 08", client.Request("30 00 02 04"));
    }

    [Fact]
    public void Pwm_starts_updates_and_stops()
    {
        using var client = _device.Connect();

        Assert.Equal("B1 00 01 00", client.Request("31 00 01 04 00 00 13 88 09 C4"));
        Assert.Equal(new VirtualDevice.PwmState(true, 5000, 2500), _device.Board.GetPwmState(4));
        Assert.Equal("B1 00 02 00", client.Request("31 00 02 04 00 00 13 88 1D 4C"));
        Assert.Equal(7500, _device.Board.GetPwmState(4).DutyTenThousandths);
        Assert.Equal("B2 00 03 00", client.Request("32 00 03 04"));
        Assert.False(_device.Board.GetPwmState(4).IsRunning);
        Assert.Equal("B1 00 04 07", client.Request("31 00 04 24 00 00 13 88 09 C4"));
    }

    [Fact]
    public void I2c_scan_and_register_read()
    {
        using var client = _device.Connect();

        Assert.Equal("C3 00 01 00 01 76", client.Request("43 00 01"));
        Assert.Equal("C2 00 02 00 60", client.Request("42 00 02 76 01 D0"));
        Assert.Equal("C1 00 03 09", client.Request("41 00 03 40 01"));
    }

    [Fact]
    public void Sensor_reads_internal_temperature_and_bme280()
    {
        using var client = _device.Connect();
        _device.Board.System.InternalTemperatureCentiCelsius = 4321;
        _device.Board.SetEnvironment(23.25, 98000, 60);

        Assert.Equal("D0 00 01 00 00 00 10 E1", client.Request("50 00 01 00"));
        byte[] bme = Hex.Parse(client.Request("50 00 02 01 00"));
        Assert.Equal("D0 00 02 00", Hex.Format(bme[..4]));
        Assert.InRange((int)BigEndian.ReadUInt32(bme, 4), 2315, 2335);
        Assert.InRange(BigEndian.ReadUInt32(bme, 8) / 256.0, 97900, 98100);
        Assert.InRange(BigEndian.ReadUInt32(bme, 12) / 1024.0, 59, 61);

        _device.Board.DetachBme280();
        Assert.Equal("D0 00 03 0B", client.Request("50 00 03 01 00"));
    }

    [Fact]
    public void Framing_errors_are_reported_and_the_connection_carries_on()
    {
        using var client = _device.Connect();
        client.Send([0x13, 0x37, 0x72, 0x04, 0x01, .. new byte[1025], .. Hex.Frame([0x02, 0x00, 0x09])]);

        Assert.Equal("F1 00 00 11 00 00 00 02", Hex.Format(client.ReadFrame()));
        Assert.Equal("F1 00 00 0D 04 01 04 00", Hex.Format(client.ReadFrame()));
        Assert.Equal("82 00 09 00", Hex.Format(client.ReadFrame()));
    }

    [Fact]
    public void Info_counts_this_connection()
    {
        using var client = _device.Connect();
        client.Request("02 00 01");

        byte[] info = Hex.Parse(client.Request("03 00 02"));

        Assert.Equal(54, info.Length);
        Assert.Equal(2u, BigEndian.ReadUInt32(info, 16));      // frames_rx
        Assert.Equal(1, info[44]);
        Assert.Equal(4, info[45]);
    }

    public void Dispose() => _device.Dispose();
}
