using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Testing;
using Xunit;
using static NanoTlv.Cli.Tests.Commands.DeviceInfoCommandTests;

namespace NanoTlv.Cli.Tests.Commands
{
    public sealed class PeripheralCommandTests
    {
        [Fact]
        public async Task Adc_read_reports_the_applied_voltage()
        {
            using var device = new RunningDevice();
            device.Board.SetAnalogMillivolts(34, 2500);
            JsonElement reading = (await Ok(device.Args("adc", "read", "34", "--json"))).Json();
            Assert.Equal(12, reading.GetProperty("resolutionBits").GetInt32());
            Assert.InRange(reading.GetProperty("millivolts").GetInt32(), 2475, 2525);
            Assert.InRange(reading.GetProperty("raw").GetInt32(), 1, 4095);
            Assert.Equal(ExitCodes.DeviceError, (await Tlvctl.RunAsync(device.Args("adc", "read", "23"))).ExitCode);
        }

        [Fact]
        public async Task Pwm_set_and_stop_drive_the_virtual_pwm()
        {
            using var device = new RunningDevice();
            JsonElement set = (await Ok(device.Args("pwm", "set", "18", "--frequency", "500", "--duty", "12.34", "--json"))).Json();
            Assert.Equal(1234, set.GetProperty("dutyTenThousandths").GetInt32());
            Assert.Equal((true, 500, 1234), (device.Board.GetPwmState(18).IsRunning, device.Board.GetPwmState(18).FrequencyHz, device.Board.GetPwmState(18).DutyTenThousandths));
            await Ok(device.Args("pwm", "stop", "18"));
            Assert.False(device.Board.GetPwmState(18).IsRunning);
        }

        [Fact]
        public async Task I2c_scan_write_read_and_write_read_reach_the_bme280()
        {
            using var device = new RunningDevice();
            JsonElement scan = (await Ok(device.Args("i2c", "scan", "--json"))).Json();
            Assert.Contains(0x76, scan.GetProperty("addresses").EnumerateArray().Select(a => a.GetInt32()));
            Assert.Contains("0x76", scan.GetProperty("addressesHex").EnumerateArray().Select(a => a.GetString()));

            Assert.Equal(2, (await Ok(device.Args("i2c", "write", "0x76", "f2:05", "--json"))).Json().GetProperty("written").GetInt32());
            Assert.Equal(0x05, device.Board.Bme280.ReadRegister(0xF2));
            await Ok(device.Args("i2c", "write", "118", "f2"));
            Assert.Equal("05", (await Ok(device.Args("i2c", "read", "0x76", "1", "--json"))).Json().GetProperty("data").GetString());

            JsonElement chipId = (await Ok(device.Args("i2c", "write-read", "0x76", "d0", "1", "--json"))).Json();
            Assert.Equal("60", chipId.GetProperty("data").GetString());
            Assert.Contains("0x76 -> 60", (await Ok(device.Args("i2c", "write-read", "0x76", "0xd0", "1"))).Out, StringComparison.Ordinal);

            CliResult absent = await Tlvctl.RunAsync(device.Args("i2c", "read", "0x10", "1"));
            Assert.Equal(ExitCodes.DeviceError, absent.ExitCode);
            Assert.Contains("I2cNack", absent.Err, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Sensor_reads_the_internal_temperature_and_the_bme280()
        {
            using var device = new RunningDevice();
            device.Board.System.InternalTemperatureCentiCelsius = 5125;
            Assert.Equal(51.25, (await Ok(device.Args("sensor", "internal", "--json"))).Json().GetProperty("temperatureCelsius").GetDouble(), 2);

            device.Board.SetEnvironment(24.5, 95000, 30);
            JsonElement bme = (await Ok(device.Args("sensor", "bme280", "--address", "0x76", "--json"))).Json();
            Assert.Equal(24.5, bme.GetProperty("temperatureCelsius").GetDouble(), 1);
            Assert.InRange(bme.GetProperty("pressurePa").GetDouble(), 95000 - 20, 95000 + 20);
            Assert.InRange(bme.GetProperty("pressureHpa").GetDouble(), 949.8, 950.2);
            Assert.InRange(bme.GetProperty("humidityPercent").GetDouble(), 29.5, 30.5);
            Assert.Contains("BME280 at 0x76: 24.50 °C", (await Ok(device.Args("sensor", "bme280"))).Out, StringComparison.Ordinal);

            CliResult wrongAddress = await Tlvctl.RunAsync(device.Args("sensor", "bme280", "--address", "0x77"));
            Assert.Equal(ExitCodes.DeviceError, wrongAddress.ExitCode);
        }

        [Fact]
        public async Task Failsafe_is_applied_when_tlvctl_disconnects_and_can_be_cleared()
        {
            using var device = new RunningDevice();
            await Ok(device.Args("gpio", "mode", "23", "output"));
            await Ok(device.Args("gpio", "write", "23", "0"));
            JsonElement set = (await Ok(device.Args("failsafe", "23", "1", "--json"))).Json();
            Assert.Equal("1", set.GetProperty("failsafe").GetString());
            Assert.True(await Wait.TryUntilAsync(() => device.Board.IsHigh(23)));

            // Levels are per pin and re-applied whenever the pin's controlling connection ends: once cleared,
            // a write from a connection that then closes sticks.
            Assert.Equal("clear", (await Ok(device.Args("failsafe", "23", "clear", "--json"))).Json().GetProperty("failsafe").GetString());
            await Ok(device.Args("gpio", "write", "23", "0"));
            // A session's slot is freed only after its failsafe levels were applied: once none is active, a
            // cleared level that was still applied would show.
            device.WaitForActiveSessions(0);
            Assert.False(device.Board.IsHigh(23));
        }
    }
}
