using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>The typed commands: one method per opcode. Each throws <see cref="DeviceException"/> when the
    /// device refuses, <see cref="TimeoutException"/> when no reply comes in time (the timeout also covers waiting
    /// to write; a request whose time ran out before it was written is not sent), <see cref="OperationCanceledException"/>
    /// only when the caller's token is cancelled, <see cref="DeviceConnectionException"/> when the connection is lost,
    /// and <see cref="ArgumentOutOfRangeException"/> for a per-call timeout that is neither positive nor infinite.</summary>
    public sealed partial class TlvClient
    {

        /// <summary>HELLO: introduces the client, presents the token when the device needs one, and learns the
        /// device's name, version, payload limit and features. Remembered for <see cref="ReconnectAsync"/>.</summary>
        /// <param name="token">The device's token (ASCII, at most 64 bytes), or null.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The device's hello.</returns>
        public async Task<DeviceHello> HelloAsync(string? token = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            byte[] tokenBytes = token is null ? [] : EncodeToken(token);
            var arguments = new byte[2 + tokenBytes.Length];
            arguments[0] = ProtocolLimits.ProtocolVersion;
            arguments[1] = (byte)tokenBytes.Length;
            tokenBytes.CopyTo(arguments, 2);
            IncomingMessage reply = await RequestOkAsync(Opcode.Hello, arguments, null, timeout, cancellationToken).ConfigureAwait(false);
            DeviceHello hello = ReplyDecoder.Hello(reply);
            Hello = hello;
            _helloToken = token;
            return hello;
        }

        /// <summary>PING: the device echoes <paramref name="payload"/>; checks the echo.</summary>
        /// <param name="payload">Bytes to echo (up to the device's payload limit less 3).</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The round-trip time.</returns>
        /// <exception cref="TlvProtocolException">The echo differs from the payload.</exception>
        public async Task<TimeSpan> PingAsync(ReadOnlyMemory<byte> payload = default, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            long started = Stopwatch.GetTimestamp();
            IncomingMessage reply = await RequestOkAsync(Opcode.Ping, payload, null, timeout, cancellationToken).ConfigureAwait(false);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            if (!reply.Data.Span.SequenceEqual(payload.Span))
            {
                throw new TlvProtocolException("PING (request id " + reply.RequestId + ") echoed " + reply.Data.Length + " bytes that differ from the " + payload.Length + " sent.");
            }

            return elapsed;
        }

        /// <summary>INFO: uptime, memory and traffic counters.</summary>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The device's info.</returns>
        public async Task<DeviceInfo> InfoAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            ReplyDecoder.Info(await RequestOkAsync(Opcode.Info, default, null, timeout, cancellationToken).ConfigureAwait(false));

        /// <summary>CAPS: every pin and what it can do, and the sensors SENSOR_READ reads on this board.</summary>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The pins, in the device's order, and the sensors (null from firmware that does not list them).</returns>
        public async Task<DeviceCaps> CapsAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            ReplyDecoder.Caps(await RequestOkAsync(Opcode.Caps, default, null, timeout, cancellationToken).ConfigureAwait(false));

        /// <summary>PIN_MODE: puts <paramref name="pin"/> in <paramref name="mode"/>.</summary>
        /// <param name="pin">GPIO number (0..255).</param>
        /// <param name="mode">The mode.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when the device confirmed.</returns>
        public Task SetPinModeAsync(int pin, PinMode mode, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            RequestOkAsync(Opcode.PinMode, new[] { PinByte(pin), (byte)mode }, PinTarget(pin), timeout, cancellationToken);

        /// <summary>DIGITAL_WRITE: drives an output pin.</summary>
        /// <param name="pin">GPIO number, in an output mode.</param>
        /// <param name="high">True for high.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when the device confirmed.</returns>
        public Task DigitalWriteAsync(int pin, bool high, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            RequestOkAsync(Opcode.DigitalWrite, new[] { PinByte(pin), Level(high) }, PinTarget(pin), timeout, cancellationToken);

        /// <summary>DIGITAL_READ: reads a pin's level.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>True when high.</returns>
        public async Task<bool> DigitalReadAsync(int pin, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            ReplyDecoder.Level(await RequestOkAsync(Opcode.DigitalRead, new[] { PinByte(pin) }, PinTarget(pin), timeout, cancellationToken).ConfigureAwait(false));

        /// <summary>DIGITAL_TOGGLE: inverts an output pin.</summary>
        /// <param name="pin">GPIO number, in an output mode.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The new level: true when high.</returns>
        public async Task<bool> DigitalToggleAsync(int pin, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            ReplyDecoder.Level(await RequestOkAsync(Opcode.DigitalToggle, new[] { PinByte(pin) }, PinTarget(pin), timeout, cancellationToken).ConfigureAwait(false));

        /// <summary>PULSE: drives <paramref name="high"/> for <paramref name="durationMs"/>, then restores the previous
        /// level. The device replies at once, not when the pulse ends.</summary>
        /// <param name="pin">GPIO number, in an output mode.</param>
        /// <param name="high">The pulse level.</param>
        /// <param name="durationMs">1..3,600,000 ms.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when the pulse started.</returns>
        public Task PulseAsync(int pin, bool high, int durationMs, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(durationMs, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(durationMs, ProtocolLimits.MaxPulseMs);
            var arguments = new byte[6];
            arguments[0] = PinByte(pin);
            arguments[1] = Level(high);
            BinaryPrimitives.WriteUInt32BigEndian(arguments.AsSpan(2), (uint)durationMs);
            return RequestOkAsync(Opcode.Pulse, arguments, PinTarget(pin), timeout, cancellationToken);
        }

        /// <summary>SUBSCRIBE: asks for <see cref="PinChangedEvent"/>s of an input pin. Remembered for
        /// <see cref="ReconnectAsync"/>.</summary>
        /// <param name="pin">GPIO number, in an input mode.</param>
        /// <param name="edges">Which changes to report.</param>
        /// <param name="debounceMs">Stable time before a change counts, 0..65535 ms.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when subscribed.</returns>
        public async Task SubscribeAsync(int pin, PinEdges edges = PinEdges.Both, int debounceMs = 0, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(debounceMs, 0);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(debounceMs, ushort.MaxValue);
            var arguments = new byte[4];
            arguments[0] = PinByte(pin);
            arguments[1] = (byte)edges;
            BinaryPrimitives.WriteUInt16BigEndian(arguments.AsSpan(2), (ushort)debounceMs);
            await RequestOkAsync(Opcode.Subscribe, arguments, PinTarget(pin), timeout, cancellationToken).ConfigureAwait(false);
            _subscriptions[pin] = (edges, debounceMs);
        }

        /// <summary>UNSUBSCRIBE: stops events of <paramref name="pin"/>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when unsubscribed.</returns>
        public async Task UnsubscribeAsync(int pin, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            await RequestOkAsync(Opcode.Unsubscribe, new[] { PinByte(pin) }, PinTarget(pin), timeout, cancellationToken).ConfigureAwait(false);
            _subscriptions.TryRemove(pin, out _);
        }

        /// <summary>ANALOG_READ: reads the ADC channel of <paramref name="pin"/>.</summary>
        /// <param name="pin">GPIO number with the analog capability.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>Raw value, resolution and millivolts.</returns>
        public async Task<AnalogReading> AnalogReadAsync(int pin, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            ReplyDecoder.Analog(await RequestOkAsync(Opcode.AnalogRead, new[] { PinByte(pin) }, PinTarget(pin), timeout, cancellationToken).ConfigureAwait(false));

        /// <summary>PWM_SET: starts or updates PWM on <paramref name="pin"/>.</summary>
        /// <param name="pin">GPIO number with the PWM capability.</param>
        /// <param name="frequencyHz">Frequency in hertz, above 0.</param>
        /// <param name="dutyPercent">Duty 0..100 %, sent rounded to hundredths of a percent (0..10000).</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when the device confirmed.</returns>
        public Task PwmSetAsync(int pin, int frequencyHz, double dutyPercent, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(frequencyHz, 1);
            if (!(dutyPercent >= 0 && dutyPercent <= 100))
            {
                throw new ArgumentOutOfRangeException(nameof(dutyPercent), dutyPercent, "The duty must be 0..100 %.");
            }

            var arguments = new byte[7];
            arguments[0] = PinByte(pin);
            BinaryPrimitives.WriteUInt32BigEndian(arguments.AsSpan(1), (uint)frequencyHz);
            BinaryPrimitives.WriteUInt16BigEndian(arguments.AsSpan(5), DutyToWire(dutyPercent));
            return RequestOkAsync(Opcode.PwmSet, arguments, PinTarget(pin), timeout, cancellationToken);
        }

        /// <summary>PWM_STOP: stops PWM on <paramref name="pin"/>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when the device confirmed.</returns>
        public Task PwmStopAsync(int pin, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            RequestOkAsync(Opcode.PwmStop, new[] { PinByte(pin) }, PinTarget(pin), timeout, cancellationToken);

        /// <summary>I2C_WRITE: writes bytes to the device at <paramref name="address"/>.</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="data">1..255 bytes.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when the device confirmed.</returns>
        public Task I2cWriteAsync(int address, ReadOnlyMemory<byte> data, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            CheckTransferLength(data.Length, nameof(data));
            var arguments = new byte[1 + data.Length];
            arguments[0] = AddressByte(address);
            data.Span.CopyTo(arguments.AsSpan(1));
            return RequestOkAsync(Opcode.I2cWrite, arguments, AddressTarget(address), timeout, cancellationToken);
        }

        /// <summary>I2C_READ: reads <paramref name="count"/> bytes from the device at <paramref name="address"/>.</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="count">1..255 bytes.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The bytes read.</returns>
        public async Task<byte[]> I2cReadAsync(int address, int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            CheckTransferLength(count, nameof(count));
            IncomingMessage reply = await RequestOkAsync(Opcode.I2cRead, new[] { AddressByte(address), (byte)count }, AddressTarget(address), timeout, cancellationToken).ConfigureAwait(false);
            return ReplyDecoder.ExactBytes(reply, count);
        }

        /// <summary>I2C_WRITE_READ: writes, then reads with a repeated start (e.g. a register read).</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="writeData">1..255 bytes to write first.</param>
        /// <param name="readCount">1..255 bytes to read.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The bytes read.</returns>
        public async Task<byte[]> I2cWriteReadAsync(int address, ReadOnlyMemory<byte> writeData, int readCount, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            CheckTransferLength(writeData.Length, nameof(writeData));
            CheckTransferLength(readCount, nameof(readCount));
            var arguments = new byte[2 + writeData.Length];
            arguments[0] = AddressByte(address);
            arguments[1] = (byte)readCount;
            writeData.Span.CopyTo(arguments.AsSpan(2));
            IncomingMessage reply = await RequestOkAsync(Opcode.I2cWriteRead, arguments, AddressTarget(address), timeout, cancellationToken).ConfigureAwait(false);
            return ReplyDecoder.ExactBytes(reply, readCount);
        }

        /// <summary>I2C_SCAN: the 7-bit addresses that acknowledge.</summary>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The addresses, ascending as the device reports them.</returns>
        public async Task<IReadOnlyList<int>> I2cScanAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            ReplyDecoder.Scan(await RequestOkAsync(Opcode.I2cScan, default, "the I2C bus", timeout, cancellationToken).ConfigureAwait(false));

        /// <summary>SENSOR_READ of any catalogue sensor: its reply data as sent, checked against the catalogue's size.
        /// The typed reads decode it; use this one for a sensor without a typed read.</summary>
        /// <param name="kind">A sensor of <see cref="MessageCatalog.Sensors"/>.</param>
        /// <param name="address">The sensor's 7-bit I2C address (0x08..0x77), or 0 for the device's default (CAPS lists
        /// it); 0 for a sensor that is not on the I2C bus.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The kind, the address asked for and the data bytes.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The kind is not in the catalogue, or the address is not 0 or
        /// 0x08..0x77, or not 0 for a sensor that is not on the I2C bus.</exception>
        public async Task<SensorReading> ReadSensorAsync(SensorKind kind, int address = 0, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            if (!MessageCatalog.IsKnownSensor((byte)kind))
            {
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a sensor kind of MessageCatalog.Sensors.");
            }

            string name = MessageCatalog.SensorNameOf((byte)kind);
            if (address != 0 && MessageCatalog.SensorDefaultAddress((byte)kind) == MessageCatalog.NotOnI2cBus)
            {
                throw new ArgumentOutOfRangeException(nameof(address), address, "The " + name + " sensor is not on the I2C bus; give address 0.");
            }

            byte[] arguments = { (byte)kind, address == 0 ? (byte)0 : AddressByte(address) };
            string target = "sensor " + name + (address == 0 ? string.Empty : " at " + AddressTarget(address));
            IncomingMessage reply = await RequestOkAsync(Opcode.SensorRead, arguments, target, timeout, cancellationToken).ConfigureAwait(false);
            return ReplyDecoder.Sensor(reply, kind, address);
        }

        /// <summary>SENSOR_READ of the chip's internal temperature sensor.</summary>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The temperature in °C.</returns>
        public async Task<double> ReadInternalTemperatureAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            ReplyDecoder.InternalTemperature(await ReadSensorAsync(SensorKind.InternalTemperature, 0, timeout, cancellationToken).ConfigureAwait(false));

        /// <summary>SENSOR_READ of a BME280 on the I2C bus.</summary>
        /// <param name="address">0x76 or 0x77; 0 for the device's default.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>Temperature, pressure and humidity.</returns>
        public async Task<Bme280Reading> ReadBme280Async(int address = 0, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            if (address != 0 && address != ProtocolLimits.Bme280PrimaryAddress && address != ProtocolLimits.Bme280SecondaryAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(address), address, "A BME280 answers at 0x76 or 0x77 (0 for the device's default).");
            }

            return ReplyDecoder.Bme280(await ReadSensorAsync(SensorKind.Bme280, address, timeout, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>FAILSAFE: the level <paramref name="pin"/> takes when this connection closes or idles out.
        /// Remembered for <see cref="ReconnectAsync"/>.</summary>
        /// <param name="pin">GPIO number (an output).</param>
        /// <param name="high">The failsafe level.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when the device confirmed.</returns>
        public async Task SetFailsafeAsync(int pin, bool high, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            await RequestOkAsync(Opcode.Failsafe, new[] { PinByte(pin), Level(high) }, PinTarget(pin), timeout, cancellationToken).ConfigureAwait(false);
            _failsafes[pin] = high;
        }

        /// <summary>FAILSAFE with level 0xFF: removes <paramref name="pin"/>'s failsafe level.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>A task that completes when the device confirmed.</returns>
        public async Task ClearFailsafeAsync(int pin, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            await RequestOkAsync(Opcode.Failsafe, new[] { PinByte(pin), WireMarkers.FailsafeClear }, PinTarget(pin), timeout, cancellationToken).ConfigureAwait(false);
            _failsafes.TryRemove(pin, out _);
        }

        /// <summary>Converts a duty in percent to the wire's hundredths of a percent, rounded to nearest.</summary>
        /// <param name="dutyPercent">0..100.</param>
        /// <returns>0..10000.</returns>
        public static ushort DutyToWire(double dutyPercent) =>
            (ushort)Math.Clamp(Math.Round(dutyPercent * (ProtocolLimits.FullDuty / 100.0), MidpointRounding.AwayFromZero), 0, ProtocolLimits.FullDuty);

        private async Task<IncomingMessage> RequestOkAsync(Opcode opcode, ReadOnlyMemory<byte> arguments, string? target, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            IncomingMessage reply = await SendAsync(opcode, arguments, target, timeout, cancellationToken).ConfigureAwait(false);
            if (reply.Status != StatusCode.Ok)
            {
                throw new DeviceException(opcode, reply.Status, target) { Pin = TakesPin(opcode) ? arguments.Span[0] : null };
            }

            return reply;
        }

        private static byte[] EncodeToken(string token)
        {
            foreach (char c in token)
            {
                if (c > 0x7F)
                {
                    throw new ArgumentException("The token must be ASCII.", nameof(token));
                }
            }

            if (token.Length > ProtocolLimits.MaxTokenBytes)
            {
                throw new ArgumentException("The token is at most " + ProtocolLimits.MaxTokenBytes + " bytes.", nameof(token));
            }

            return System.Text.Encoding.ASCII.GetBytes(token);
        }

        private static byte PinByte(int pin)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(pin);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(pin, byte.MaxValue);
            return (byte)pin;
        }

        private static byte AddressByte(int address)
        {
            if (address < ProtocolLimits.FirstI2cAddress || address > ProtocolLimits.LastI2cAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(address), address, "I2C addresses are 0x08..0x77; the others are reserved by the I2C specification.");
            }

            return (byte)address;
        }

        private static void CheckTransferLength(int count, string name)
        {
            if (count < 1 || count > ProtocolLimits.MaxI2cReadBytes)
            {
                throw new ArgumentOutOfRangeException(name, count, "An I2C transfer moves 1..255 bytes.");
            }
        }

        private static byte Level(bool high) => high ? (byte)1 : (byte)0;

        /// <summary>CAPS, then why <paramref name="pin"/> is refused: explains a <see cref="StatusCode.PinReserved"/>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="timeout">Reply timeout; null for the client's default.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The pin's reservation; <see cref="PinReservation.None"/> for a usable pin or one the board lacks.</returns>
        public async Task<PinReservation> GetPinReservationAsync(int pin, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            DeviceCaps caps = await CapsAsync(timeout, cancellationToken).ConfigureAwait(false);
            foreach (PinCapability entry in caps.Pins)
            {
                if (entry.Pin == pin)
                {
                    return entry.Reservation;
                }
            }

            return PinReservation.None;
        }

        private static bool TakesPin(Opcode opcode) => opcode is Opcode.PinMode or Opcode.DigitalWrite or Opcode.DigitalRead or
            Opcode.DigitalToggle or Opcode.Pulse or Opcode.Subscribe or Opcode.Unsubscribe or Opcode.AnalogRead or
            Opcode.PwmSet or Opcode.PwmStop or Opcode.Failsafe;

        private static string PinTarget(int pin) => "pin " + pin.ToString(CultureInfo.InvariantCulture);

        private static string AddressTarget(int address) => "I2C address 0x" + address.ToString("X2", CultureInfo.InvariantCulture);
    }
}
