using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>ANALOG_READ: args pin u8; reply raw u16, resolution_bits u8, millivolts u16.</summary>
    internal sealed class AnalogReadCommand : ICommandHandler
    {
        private const int MaxU16 = 0xFFFF;

        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public AnalogReadCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <summary>Converts a raw reading: raw × full scale / (2^bits − 1), clamped to 0..65535.</summary>
        /// <param name="raw">The raw value.</param>
        /// <param name="resolutionBits">Bits of a reading (1..16).</param>
        /// <param name="fullScaleMillivolts">Millivolts of the largest raw value.</param>
        /// <returns>Millivolts.</returns>
        public static int ToMillivolts(int raw, int resolutionBits, int fullScaleMillivolts)
        {
            long maxRaw = (1L << resolutionBits) - 1;
            long millivolts = maxRaw <= 0 ? 0 : (long)raw * fullScaleMillivolts / maxRaw;
            return Clamp(millivolts);
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            StatusCode status = _pins.ReadAnalog(request.Arguments.ReadByte(), out int raw);
            if (status != StatusCode.Ok)
            {
                return status;
            }

            int bits = _pins.AnalogResolutionBits;
            IReplySink reply = request.Reply;
            reply.WriteUInt16(Clamp(raw));
            reply.WriteByte((byte)bits);
            reply.WriteUInt16(ToMillivolts(raw, bits, _pins.AnalogFullScaleMillivolts));
            return StatusCode.Ok;
        }

        private static int Clamp(long value) => value < 0 ? 0 : value > MaxU16 ? MaxU16 : (int)value;
    }
}
