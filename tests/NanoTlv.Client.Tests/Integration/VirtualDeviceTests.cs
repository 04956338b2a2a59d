using System;
using System.Linq;
using System.Threading.Tasks;
using NanoTlv.Client.Tests.Fakes;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Client.Tests.Integration
{
    /// <summary>Every typed command against the real firmware core on a virtual board, over loopback TCP.</summary>
    public sealed class VirtualDeviceTests
    {
        private const int OutputPin = 23;
        private const int InputPin = 4;
        private const int AnalogPin = 34;
        private const int PwmPin = 18;
        private const int FlashPin = 6;

        [Fact]
        public async Task Hello_info_caps_and_ping()
        {
            using var device = new RunningDevice();
            await using TlvClient client = await device.ConnectAsync();
            DeviceHello hello = await client.HelloAsync();
            Assert.Equal((RunningDevice.DefaultName, RunningDevice.DefaultFirmware, 1024, true, 1), (hello.Name, hello.FirmwareVersion, hello.MaxPayloadBytes, hello.Authenticated, hello.ProtocolVersion));
            Assert.True(hello.Capabilities.HasFlag(DeviceCapabilities.Digital | DeviceCapabilities.Events | DeviceCapabilities.I2c));

            DeviceCaps caps = await client.CapsAsync();
            Assert.Equal(device.Board.Description.PinCount - 6, caps.Pins.Count);
            Assert.True(caps.Pins.Single(p => p.Pin == FlashPin).Has(PinCapabilities.Reserved));
            Assert.Equal(6, caps.Pins.Single(p => p.Pin == AnalogPin).AdcChannel);
            Assert.Equal(
                new[] { new SensorCapability(SensorKind.InternalTemperature, 0), new SensorCapability(SensorKind.Bme280, 0x76) },
                caps.Sensors);
            Assert.Equal(new[] { "internal", "bme280" }, caps.Sensors!.Select(s => s.Name));

            TimeSpan roundTrip = await client.PingAsync(new byte[] { 1, 2, 3, 0x72 });
            Assert.True(roundTrip > TimeSpan.Zero);
            await client.PingAsync(new byte[hello.MaxArgumentBytes]);
            await Assert.ThrowsAsync<ArgumentException>(() => client.PingAsync(new byte[hello.MaxArgumentBytes + 1]));

            DeviceInfo info = await client.InfoAsync();
            Assert.Equal((1, 4), (info.Clients, info.MaxClients));
            Assert.True(info.FramesReceived >= 5, "frames received: " + info.FramesReceived);
        }

        [Fact]
        public async Task Digital_write_read_toggle_pulse_and_refusals()
        {
            using var device = new RunningDevice();
            await using TlvClient client = await device.ConnectAsync();
            await client.SetPinModeAsync(OutputPin, PinMode.Output);
            await client.DigitalWriteAsync(OutputPin, true);
            Assert.True(device.Board.IsHigh(OutputPin));
            Assert.True(await client.DigitalReadAsync(OutputPin));
            Assert.False(await client.DigitalToggleAsync(OutputPin));
            Assert.False(device.Board.IsHigh(OutputPin));

            await client.PulseAsync(OutputPin, true, 150);
            Assert.True(await Wait.TryUntilAsync(() => device.Board.IsHigh(OutputPin), TimeSpan.FromSeconds(2)));
            Assert.True(await Wait.TryUntilAsync(() => !device.Board.IsHigh(OutputPin), TimeSpan.FromSeconds(5)));

            await client.SetPinModeAsync(InputPin, PinMode.Input);
            device.Board.DriveInput(InputPin, true);
            Assert.True(await client.DigitalReadAsync(InputPin));

            var reserved = await Assert.ThrowsAsync<DeviceException>(() => client.DigitalWriteAsync(FlashPin, true));
            Assert.Equal("DIGITAL_WRITE on pin 6 failed: PinReserved (the pin is reserved for the module or the firmware)", reserved.Message);
            var wrongMode = await Assert.ThrowsAsync<DeviceException>(() => client.DigitalWriteAsync(InputPin, true));
            Assert.Equal(StatusCode.WrongPinMode, wrongMode.Status);
            var missing = await Assert.ThrowsAsync<DeviceException>(() => client.DigitalReadAsync(20));
            Assert.Equal(StatusCode.PinOutOfRange, missing.Status);
            Assert.True(client.IsConnected);
        }

        [Fact]
        public async Task Subscribed_input_changes_arrive_as_events_until_unsubscribed()
        {
            using var device = new RunningDevice();
            await using TlvClient client = await device.ConnectAsync();
            await client.SetPinModeAsync(InputPin, PinMode.Input);
            device.Board.DriveInput(InputPin, false);
            await client.SubscribeAsync(InputPin, PinEdges.Both, 0);
            device.Board.DriveInput(InputPin, true);
            PinChangedEvent? rising = await ClientEvents.NextEventAsync<PinChangedEvent>(client);
            Assert.Equal((InputPin, true), (rising?.Pin, rising?.High));

            await client.UnsubscribeAsync(InputPin);
            device.Board.DriveInput(InputPin, false);
            Assert.Null(await ClientEvents.NextEventAsync<PinChangedEvent>(client, TimeSpan.FromMilliseconds(300)));
        }

        [Fact]
        public async Task Analog_pwm_i2c_and_sensors()
        {
            using var device = new RunningDevice();
            await using TlvClient client = await device.ConnectAsync();
            device.Board.SetAnalogMillivolts(AnalogPin, 2000);
            AnalogReading reading = await client.AnalogReadAsync(AnalogPin);
            Assert.Equal(12, reading.ResolutionBits);
            Assert.InRange(reading.Millivolts, 1980, 2020);
            Assert.Equal(StatusCode.NoAdcChannel, (await Assert.ThrowsAsync<DeviceException>(() => client.AnalogReadAsync(OutputPin))).Status);

            await client.PwmSetAsync(PwmPin, 2000, 12.5);
            Assert.Equal((true, 2000, 1250), (device.Board.GetPwmState(PwmPin).IsRunning, device.Board.GetPwmState(PwmPin).FrequencyHz, device.Board.GetPwmState(PwmPin).DutyTenThousandths));
            await client.PwmStopAsync(PwmPin);
            Assert.False(device.Board.GetPwmState(PwmPin).IsRunning);

            Assert.Contains(0x76, await client.I2cScanAsync());
            Assert.Equal(new byte[] { 0x60 }, await client.I2cWriteReadAsync(0x76, new byte[] { 0xD0 }, 1));
            await client.I2cWriteAsync(0x76, new byte[] { 0xF2, 0x03 });
            Assert.Equal(0x03, device.Board.Bme280.ReadRegister(0xF2));
            await client.I2cWriteAsync(0x76, new byte[] { 0xF2 });
            Assert.Equal(new byte[] { 0x03 }, await client.I2cReadAsync(0x76, 1));
            Assert.Equal(StatusCode.I2cNack, (await Assert.ThrowsAsync<DeviceException>(() => client.I2cReadAsync(0x10, 1))).Status);

            device.Board.System.InternalTemperatureCentiCelsius = 3712;
            Assert.Equal(37.12, await client.ReadInternalTemperatureAsync(), 2);

            device.Board.SetEnvironment(-3.25, 98765, 61.5);
            Bme280Reading weather = await client.ReadBme280Async(0x76);
            Assert.Equal(-3.25, weather.TemperatureCelsius, 1);
            Assert.InRange(weather.PressurePascals, 98765 - 20, 98765 + 20);
            Assert.InRange(weather.HumidityPercent, 61.0, 62.0);

            // The generic read returns the same measurement undecoded: the catalogue's 12 bytes, the typed read's fields.
            SensorReading raw = await client.ReadSensorAsync(SensorKind.Bme280, 0x76);
            Assert.Equal((SensorKind.Bme280, 0x76, 12), (raw.Kind, raw.Address, raw.Data.Length));
            Assert.Equal(weather.TemperatureCentiCelsius, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(raw.Data));
            SensorReading chip = await client.ReadSensorAsync(SensorKind.InternalTemperature);
            Assert.Equal(3712, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(chip.Data));

            DeviceException wrongAddress = await Assert.ThrowsAsync<DeviceException>(() => client.ReadSensorAsync(SensorKind.Bme280, 0x77));
            Assert.Equal(StatusCode.SensorAbsent, wrongAddress.Status);
            Assert.StartsWith("SENSOR_READ on sensor bme280 at I2C address 0x77 failed: SensorAbsent", wrongAddress.Message, StringComparison.Ordinal);
            device.Board.DetachBme280();
            Assert.Equal(StatusCode.SensorAbsent, (await Assert.ThrowsAsync<DeviceException>(() => client.ReadBme280Async())).Status);
        }

        [Fact]
        public async Task Failsafe_level_is_applied_when_the_client_goes_away_and_can_be_cleared()
        {
            using var device = new RunningDevice();
            await using (TlvClient client = await device.ConnectAsync())
            {
                await client.SetPinModeAsync(OutputPin, PinMode.Output);
                await client.DigitalWriteAsync(OutputPin, false);
                await client.SetFailsafeAsync(OutputPin, true);
            }

            Assert.True(await Wait.TryUntilAsync(() => device.Board.IsHigh(OutputPin)));

            await using (TlvClient client = await device.ConnectAsync())
            {
                await client.SetPinModeAsync(PwmPin, PinMode.Output);
                await client.DigitalWriteAsync(PwmPin, false);
                await client.SetFailsafeAsync(PwmPin, true);
                await client.ClearFailsafeAsync(PwmPin);
            }

            // A session's slot is freed only after its failsafe levels were applied: once none is active, a
            // cleared level that was still applied would show.
            device.WaitForActiveSessions(0);
            Assert.False(device.Board.IsHigh(PwmPin));
        }

        [Fact]
        public async Task A_token_gates_every_command_but_hello_and_ping()
        {
            using var device = new RunningDevice(o => o.AuthToken = "s3cret");
            await using TlvClient client = await device.ConnectAsync();
            DeviceHello anonymous = await client.HelloAsync();
            Assert.False(anonymous.Authenticated);
            Assert.True(anonymous.Capabilities.HasFlag(DeviceCapabilities.AuthenticationRequired));
            await client.PingAsync(new byte[] { 1 });
            Assert.Equal(StatusCode.NotAuthenticated, (await Assert.ThrowsAsync<DeviceException>(() => client.InfoAsync())).Status);
            Assert.Equal(StatusCode.NotAuthenticated, (await Assert.ThrowsAsync<DeviceException>(() => client.HelloAsync("wrong"))).Status);
            Assert.True((await client.HelloAsync("s3cret")).Authenticated);
            await client.InfoAsync();
        }

        [Fact]
        public async Task Hundreds_of_pipelined_requests_from_several_tasks_all_match()
        {
            using var device = new RunningDevice();
            await using TlvClient client = await device.ConnectAsync();
            await Wait.Within(Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                var random = new Random(worker);
                await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
                {
                    byte[] payload = new byte[random.Next(0, 300)];
                    random.NextBytes(payload);
                    return client.PingAsync(payload);
                }));
            }))));
            Assert.Equal(0, client.RequestsInFlight);
        }

        [Fact]
        public async Task A_client_beyond_max_clients_is_rejected()
        {
            using var device = new RunningDevice(o => o.MaxClients = 1);
            await using TlvClient first = await device.ConnectAsync();
            await first.HelloAsync();
            await using TlvClient second = await device.ConnectAsync();
            ConnectionRejectedEvent? rejected = await ClientEvents.NextEventAsync<ConnectionRejectedEvent>(second);
            Assert.Equal(1, rejected?.MaxClients);
            await Assert.ThrowsAsync<DeviceConnectionException>(() => Wait.Within(second.HelloAsync()));
            await first.PingAsync(new byte[] { 1 });
        }

        [Fact]
        public async Task Reconnecting_restores_the_subscription()
        {
            using var device = new RunningDevice();
            await using TlvClient client = await device.ConnectAsync();
            await client.HelloAsync();
            await client.SetPinModeAsync(InputPin, PinMode.Input);
            device.Board.DriveInput(InputPin, false);
            await client.SubscribeAsync(InputPin);
            await Wait.Within(client.ReconnectAsync());
            Assert.NotNull(await ClientEvents.NextEventAsync<ReconnectedEvent>(client));
            device.Board.DriveInput(InputPin, true);
            PinChangedEvent? change = await ClientEvents.NextEventAsync<PinChangedEvent>(client);
            Assert.Equal((InputPin, true), (change?.Pin, change?.High));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_subscription_outlives_the_idle_timeout_only_with_keepalive(bool keepAlive)
        {
            // The keepalive runs at a twentieth of the idle timeout so a loaded CI machine (thread pool busy with
            // other test assemblies, load averages near 20 seen) can delay PINGs by well over a second without the
            // device dropping the client.
            const int IdleTimeoutMs = 2000;
            using var device = new RunningDevice(o => o.IdleTimeoutMs = IdleTimeoutMs);
            await using TlvClient client = await device.ConnectAsync(new TlvClientOptions
            {
                RequestTimeout = TimeSpan.FromSeconds(5),
                KeepAliveInterval = keepAlive ? TimeSpan.FromMilliseconds(IdleTimeoutMs / 20) : null,
            });
            await client.SetPinModeAsync(InputPin, PinMode.Input);
            device.Board.DriveInput(InputPin, false);
            await client.SubscribeAsync(InputPin, PinEdges.Both, 0);

            await Task.Delay(IdleTimeoutMs * 9 / 4);
            device.Board.DriveInput(InputPin, true);
            PinChangedEvent? change = await ClientEvents.NextEventAsync<PinChangedEvent>(client, TimeSpan.FromSeconds(2));
            if (keepAlive)
            {
                Assert.Equal((InputPin, true), (change?.Pin, change?.High));
                Assert.True(client.IsConnected);
            }
            else
            {
                Assert.Null(change);
                Assert.False(client.IsConnected);
            }
        }
    }
}
