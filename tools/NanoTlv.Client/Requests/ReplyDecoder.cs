using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>
    /// Decodes reply data (the bytes after the status) with the shared <see cref="MessageReader"/>. A reply
    /// that does not fit its command's layout is a <see cref="TlvProtocolException"/>.
    /// </summary>
    internal static class ReplyDecoder
    {
        public static DeviceHello Hello(IncomingMessage reply)
        {
            MessageReader reader = Open(reply);
            return Decode(reply, () =>
            {
                int version = reader.ReadByte();
                int maxPayload = reader.ReadUInt16();
                var capabilities = (DeviceCapabilities)reader.ReadUInt32();
                var firmware = new Version(reader.ReadByte(), reader.ReadByte(), reader.ReadByte());
                bool authenticated = reader.ReadByte() != 0;
                int nameLength = reader.ReadByte();
                string name = System.Text.Encoding.ASCII.GetString(reader.Buffer, reader.Position, Math.Min(nameLength, reader.Remaining));
                reader.Skip(nameLength);
                RequireEnd(reader, reply);
                return new DeviceHello(version, maxPayload, capabilities, firmware, authenticated, name);
            });
        }

        public static DeviceInfo Info(IncomingMessage reply)
        {
            RequireLength(reply, MessageCatalog.InfoReplyBytes);
            MessageReader reader = Open(reply);
            return new DeviceInfo(
                reader.ReadUInt32(),
                reader.ReadUInt32(),
                reader.ReadUInt32(),
                reader.ReadUInt32(),
                reader.ReadUInt32(),
                reader.ReadUInt32(),
                reader.ReadUInt32(),
                reader.ReadUInt32(),
                reader.ReadUInt32(),
                reader.ReadUInt32(),
                reader.ReadByte(),
                reader.ReadByte(),
                reader.ReadUInt32(),
                reader.ReadUInt32());
        }

        /// <summary>CAPS: the pins, then the sensors; a reply that ends right after the pins comes from firmware
        /// that predates the sensor list (<see cref="DeviceCaps.Sensors"/> null).</summary>
        public static DeviceCaps Caps(IncomingMessage reply)
        {
            if (reply.Data.Length < MessageCatalog.CapsHeaderBytes)
            {
                throw Malformed(reply, "at least " + MessageCatalog.CapsHeaderBytes + " byte");
            }

            int pinCount = reply.Data.Span[0];
            int sensorsOffset = MessageCatalog.CapsSensorsOffset(pinCount);
            int sensorCount = reply.Data.Length > sensorsOffset ? reply.Data.Span[sensorsOffset] : 0;
            if (reply.Data.Length != sensorsOffset)
            {
                RequireLength(reply, MessageCatalog.CapsReplyBytes(pinCount, sensorCount));
            }

            MessageReader reader = Open(reply);
            reader.Skip(MessageCatalog.CapsHeaderBytes);
            var pins = new List<PinCapability>(pinCount);
            for (int i = 0; i < pinCount; i++)
            {
                int pin = reader.ReadByte();
                var capabilities = (PinCapabilities)reader.ReadUInt16();
                byte channel = reader.ReadByte();
                var reservation = (PinReservation)reader.ReadByte();
                pins.Add(new PinCapability(pin, capabilities, channel == WireMarkers.CapsNoAdcChannel ? null : channel, reservation));
            }

            if (reader.Remaining == 0)
            {
                return new DeviceCaps(pins, null);
            }

            reader.Skip(MessageCatalog.CapsSensorHeaderBytes);
            var sensors = new List<SensorCapability>(sensorCount);
            for (int i = 0; i < sensorCount; i++)
            {
                var kind = (SensorKind)reader.ReadByte();
                sensors.Add(new SensorCapability(kind, reader.ReadByte()));
            }

            return new DeviceCaps(pins, sensors);
        }

        public static bool Level(IncomingMessage reply)
        {
            RequireLength(reply, MessageCatalog.LevelReplyBytes);
            return reply.Data.Span[0] != 0;
        }

        public static AnalogReading Analog(IncomingMessage reply)
        {
            RequireLength(reply, MessageCatalog.AnalogReplyBytes);
            MessageReader reader = Open(reply);
            return new AnalogReading(reader.ReadUInt16(), reader.ReadByte(), reader.ReadUInt16());
        }

        public static byte[] ExactBytes(IncomingMessage reply, int count)
        {
            RequireLength(reply, count);
            return reply.Data.ToArray();
        }

        public static IReadOnlyList<int> Scan(IncomingMessage reply)
        {
            if (reply.Data.Length < 1)
            {
                throw Malformed(reply, "at least 1 byte");
            }

            int count = reply.Data.Span[0];
            RequireLength(reply, MessageCatalog.ScanHeaderBytes + count);
            var addresses = new int[count];
            for (int i = 0; i < count; i++)
            {
                addresses[i] = reply.Data.Span[1 + i];
            }

            return addresses;
        }

        /// <summary>SENSOR_READ: the reply data of <paramref name="kind"/>, exactly the catalogue's size.</summary>
        public static SensorReading Sensor(IncomingMessage reply, SensorKind kind, int address) =>
            new(kind, address, ExactBytes(reply, MessageCatalog.SensorReplyBytes((byte)kind)));

        /// <summary>The internal sensor's centi_celsius i32, in °C.</summary>
        public static double InternalTemperature(SensorReading reading) => Open(reading).ReadInt32() / 100.0;

        /// <summary>A BME280's centi_celsius i32, pressure_pa_q24_8 u32, humidity_q22_10 u32.</summary>
        public static Bme280Reading Bme280(SensorReading reading)
        {
            MessageReader reader = Open(reading);
            return new Bme280Reading(reader.ReadInt32(), reader.ReadUInt32(), reader.ReadUInt32());
        }

        private static MessageReader Open(SensorReading reading)
        {
            var reader = new MessageReader();
            reader.Reset(reading.Data, 0, reading.Data.Length);
            return reader;
        }

        private static MessageReader Open(IncomingMessage reply)
        {
            // IncomingMessage already owns a copy of the payload: read it in place.
            var reader = new MessageReader();
            ArraySegment<byte> data = MemoryMarshal.TryGetArray(reply.Data, out ArraySegment<byte> array) ? array : new ArraySegment<byte>(reply.Data.ToArray());
            reader.Reset(data.Array!, data.Offset, data.Count);
            return reader;
        }

        private static T Decode<T>(IncomingMessage reply, Func<T> decode)
        {
            try
            {
                return decode();
            }
            catch (InvalidOperationException ex)
            {
                throw new TlvProtocolException(Name(reply) + " reply (request id " + reply.RequestId + ") is malformed: " + ex.Message);
            }
        }

        private static void RequireEnd(MessageReader reader, IncomingMessage reply)
        {
            if (reader.Remaining != 0)
            {
                throw Malformed(reply, (reply.Data.Length - reader.Remaining) + " bytes");
            }
        }

        private static void RequireLength(IncomingMessage reply, int expected)
        {
            if (reply.Data.Length != expected)
            {
                throw Malformed(reply, expected + " bytes");
            }
        }

        private static TlvProtocolException Malformed(IncomingMessage reply, string expected) =>
            new(Name(reply) + " reply (request id " + reply.RequestId + ") has " + reply.Data.Length + " data bytes; expected " + expected + ".");

        private static string Name(IncomingMessage reply) => MessageCatalog.NameOf((byte)reply.Opcode);
    }
}
