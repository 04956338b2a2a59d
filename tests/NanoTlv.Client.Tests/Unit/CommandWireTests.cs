using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NanoTlv.Client.Tests.Fakes;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    /// <summary>
    /// Every typed command against the byte layouts of Opcode.cs, written out by hand here: the request frame
    /// the client sends and the decoding of a reply.
    /// </summary>
    public sealed class CommandWireTests : IAsyncLifetime
    {
        private readonly FakeDevice _device = new();
        private TlvClient _client = null!;
        private FakeConnection _connection = null!;
        private ushort _nextId = 1;

        public async Task InitializeAsync() => (_client, _connection) = await _device.ConnectAsync();

        public async Task DisposeAsync()
        {
            await _client.DisposeAsync();
            _device.Dispose();
        }

        [Fact]
        public async Task Hello_sends_version_and_token_and_decodes_the_reply()
        {
            DeviceHello hello = await Exchange(
                c => c.HelloAsync("abc"),
                "01", "0103616263",
                Hex("01 0400 000000FF 01 02 03 01 04 74657374"));
            Assert.Equal(new DeviceHello(1, 1024, (DeviceCapabilities)0xFF, new Version(1, 2, 3), true, "test"), hello);
            Assert.Equal(1021, hello.MaxArgumentBytes);
            Assert.Same(hello, _client.Hello);
        }

        [Fact]
        public async Task Ping_and_info_and_caps()
        {
            await Exchange(c => c.PingAsync(new byte[] { 0xAB, 0xCD }), "02", "ABCD", Hex("ABCD"));

            DeviceInfo info = await Exchange(c => c.InfoAsync(), "03", string.Empty, Hex("00000001 00000002 00000003 00000004 00000005 00000006 00000007 00000008 00000009 0000000A 02 04 0000000B 0000000C"));
            Assert.Equal(new DeviceInfo(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 2, 4, 11, 12), info);

            DeviceCaps caps = await Exchange(c => c.CapsAsync(), "04", string.Empty, Hex("03 05 0003 FF 00 22 0021 06 00 06 0100 FF 01 02 00 00 01 77"));
            PinCapability[] pins =
            [
                new PinCapability(5, PinCapabilities.DigitalInput | PinCapabilities.DigitalOutput, null, PinReservation.None),
                new PinCapability(34, PinCapabilities.DigitalInput | PinCapabilities.Analog, 6, PinReservation.None),
                new PinCapability(6, PinCapabilities.Reserved, null, PinReservation.Flash),
            ];
            Assert.Equal(pins, caps.Pins);
            Assert.Equal(new[] { new SensorCapability(SensorKind.InternalTemperature, 0), new SensorCapability(SensorKind.Bme280, 0x77) }, caps.Sensors);
            Assert.Equal(0x77, caps.FindSensor(SensorKind.Bme280)!.DefaultAddress);
            Assert.False(caps.FindSensor(SensorKind.InternalTemperature)!.IsOnI2cBus);

            // Firmware older than the sensor list ends the reply after the pins; no sensors is an empty list.
            DeviceCaps older = await Exchange(c => c.CapsAsync(), "04", string.Empty, Hex("03 05 0003 FF 00 22 0021 06 00 06 0100 FF 01"));
            Assert.Equal(pins, older.Pins);
            Assert.Null(older.Sensors);
            Assert.Null(older.FindSensor(SensorKind.Bme280));
            DeviceCaps none = await Exchange(c => c.CapsAsync(), "04", string.Empty, Hex("00 00"));
            Assert.Empty(none.Pins);
            Assert.Empty(none.Sensors!);
        }

        [Theory]
        [InlineData("", "at least 1 byte")]
        [InlineData("01 05 0003", "7 bytes")]                   // a pin cut short
        [InlineData("01 05 0003 FF 00 02 00", "11 bytes")]      // a sensor entry cut short
        [InlineData("01 05 0003 FF 00 01 01 76 00", "9 bytes")] // a byte after the sensors
        public async Task A_caps_reply_that_does_not_fit_its_counts_is_a_protocol_error(string dataHex, string expected)
        {
            TlvProtocolException error = await Assert.ThrowsAsync<TlvProtocolException>(() => Exchange(c => c.CapsAsync(), "04", string.Empty, Hex(dataHex)));
            Assert.EndsWith("expected " + expected + ".", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Digital_commands()
        {
            await Exchange(async c => { await c.SetPinModeAsync(5, PinMode.Output); return 0; }, "10", "0503", []);
            await Exchange(async c => { await c.DigitalWriteAsync(5, true); return 0; }, "11", "0501", []);
            Assert.True(await Exchange(c => c.DigitalReadAsync(5), "12", "05", [1]));
            Assert.False(await Exchange(c => c.DigitalToggleAsync(5), "13", "05", [0]));
            await Exchange(async c => { await c.PulseAsync(5, true, 1500); return 0; }, "14", "0501000005DC", []);
            await Exchange(async c => { await c.SubscribeAsync(4, PinEdges.Rising, 20); return 0; }, "20", "04010014", []);
            await Exchange(async c => { await c.UnsubscribeAsync(4); return 0; }, "21", "04", []);
        }

        [Fact]
        public async Task Analog_and_pwm_commands()
        {
            AnalogReading reading = await Exchange(c => c.AnalogReadAsync(34), "30", "22", Hex("0800 0C 0672"));
            Assert.Equal(new AnalogReading(2048, 12, 1650), reading);
            await Exchange(async c => { await c.PwmSetAsync(18, 1000, 25.0); return 0; }, "31", "12000003E809C4", []);
            await Exchange(async c => { await c.PwmSetAsync(18, 50, 33.333); return 0; }, "31", "12000000320D05", []);
            await Exchange(async c => { await c.PwmStopAsync(18); return 0; }, "32", "12", []);
        }

        [Fact]
        public async Task I2c_commands()
        {
            await Exchange(async c => { await c.I2cWriteAsync(0x3C, new byte[] { 0x00, 0xAF }); return 0; }, "40", "3C00AF", []);
            Assert.Equal(new byte[] { 0x11, 0x22 }, await Exchange(c => c.I2cReadAsync(0x76, 2), "41", "7602", [0x11, 0x22]));
            Assert.Equal(new byte[] { 0x60 }, await Exchange(c => c.I2cWriteReadAsync(0x76, new byte[] { 0xD0 }, 1), "42", "7601D0", [0x60]));
            Assert.Equal(new[] { 0x3C, 0x76 }, await Exchange(c => c.I2cScanAsync(), "43", string.Empty, Hex("02 3C 76")));
        }

        [Fact]
        public async Task Sensor_and_failsafe_commands()
        {
            Assert.Equal(45.18, await Exchange(c => c.ReadInternalTemperatureAsync(), "50", "0000", Hex("000011A6")), 6);
            Assert.Equal(-5.5, await Exchange(c => c.ReadInternalTemperatureAsync(), "50", "0000", Hex("FFFFFDDA")), 6);

            Bme280Reading bme = await Exchange(c => c.ReadBme280Async(0x77), "50", "0177", Hex("00000866 018BCD00 0000B400"));
            Assert.Equal(21.50, bme.TemperatureCelsius, 6);
            Assert.Equal(101325.0, bme.PressurePascals, 6);
            Assert.Equal(1013.25, bme.PressureHectopascals, 6);
            Assert.Equal(45.0, bme.HumidityPercent, 6);

            SensorReading raw = await Exchange(c => c.ReadSensorAsync(SensorKind.Bme280), "50", "0100", Hex("00000866 018BCD00 0000B400"));
            Assert.Equal((SensorKind.Bme280, 0, "bme280"), (raw.Kind, raw.Address, raw.Name));
            Assert.Equal(Hex("00000866 018BCD00 0000B400"), raw.Data);
            Assert.Equal(Hex("000011A6"), (await Exchange(c => c.ReadSensorAsync(SensorKind.InternalTemperature), "50", "0000", Hex("000011A6"))).Data);

            await Exchange(async c => { await c.SetFailsafeAsync(23, true); return 0; }, "60", "1701", []);
            await Exchange(async c => { await c.ClearFailsafeAsync(23); return 0; }, "60", "17FF", []);
        }

        [Fact]
        public async Task Arguments_out_of_range_are_refused_before_sending()
        {
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.DigitalWriteAsync(256, true));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.PulseAsync(5, true, 0));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.PwmSetAsync(5, 1000, 100.5));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.I2cReadAsync(0x80, 1));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.I2cWriteAsync(0x20, Array.Empty<byte>()));
            await Assert.ThrowsAsync<ArgumentException>(() => _client.HelloAsync(new string('x', 65)));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ReadSensorAsync((SensorKind)0x7F));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ReadSensorAsync(SensorKind.InternalTemperature, 0x76));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ReadSensorAsync(SensorKind.Bme280, 0x78));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ReadBme280Async(0x44));
            Assert.Equal(0, _client.RequestsInFlight);
        }

        private async Task<T> Exchange<T>(Func<TlvClient, Task<T>> call, string opcodeHex, string argumentsHex, byte[] replyData)
        {
            Task<T> pending = call(_client);
            FakeRequest request = await _connection.ReadRequestAsync();
            ushort id = _nextId++;
            int payloadLength = 3 + (argumentsHex.Length / 2);
            string expected = "72" + payloadLength.ToString("X4") + opcodeHex + id.ToString("X4") + argumentsHex;
            Assert.Equal(expected, request.FrameHex);
            await _connection.ReplyAsync(request, StatusCode.Ok, replyData);
            return await Wait.Within(pending);
        }

        private static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", string.Empty, StringComparison.Ordinal));
    }
}
