using System;
using CsCheck;
using NanoTlv.Framing;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    public sealed class PropertyTests
    {
        [Fact]
        public void Request_frames_decode_back_to_opcode_id_and_arguments()
        {
            Gen.Select(Gen.Byte, Gen.UShort, Gen.Byte.Array[0, 600]).Sample((opcode, id, arguments) =>
            {
                byte[] frame = RequestFrame.Build((Opcode)opcode, id, arguments);
                var extractor = new FrameExtractor(FrameFormat.MaxEncodablePayloadBytes);
                extractor.Feed(frame, 0, frame.Length);
                Assert.Equal(FrameReadResult.Frame, extractor.Next());
                ReadOnlySpan<byte> payload = new(extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength);
                Assert.Equal(opcode, payload[0]);
                Assert.Equal(id, BigEndian.ReadUInt16(payload[1..3].ToArray(), 0));
                Assert.True(payload[3..].SequenceEqual(arguments));
                Assert.Equal(FrameReadResult.NeedMoreData, extractor.Next());
            });
        }

        [Fact]
        public void Duty_in_percent_maps_to_the_nearest_hundredth_and_is_monotonic()
        {
            Gen.Select(Gen.Double[0, 100], Gen.Double[0, 100]).Sample((a, b) =>
            {
                ushort wireA = TlvClient.DutyToWire(a);
                Assert.InRange(wireA, 0, ProtocolLimits.FullDuty);
                Assert.True(Math.Abs(wireA - (a * 100)) <= 0.5 + 1e-9);
                Assert.True(a <= b ? wireA <= TlvClient.DutyToWire(b) : wireA >= TlvClient.DutyToWire(b));
            });
            Assert.Equal(0, TlvClient.DutyToWire(0));
            Assert.Equal(10000, TlvClient.DutyToWire(100));
            Assert.Equal(2550, TlvClient.DutyToWire(25.5));
        }

        [Fact]
        public void Bme280_units_convert_exactly()
        {
            Gen.Select(Gen.Int[-4000, 8500], Gen.UInt[0, 110000 * 256], Gen.UInt[0, 100 * 1024]).Sample((centi, pressure, humidity) =>
            {
                var reading = new Bme280Reading(centi, pressure, humidity);
                Assert.Equal(centi / 100.0, reading.TemperatureCelsius, 9);
                Assert.Equal(pressure / 256.0, reading.PressurePascals, 9);
                Assert.Equal(pressure / 25600.0, reading.PressureHectopascals, 9);
                Assert.Equal(humidity / 1024.0, reading.HumidityPercent, 9);
            });
        }
    }
}
