using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>ANALOG_READ: raw value, resolution and millivolts of a pin's ADC channel.</summary>
    internal sealed class AnalogCommands : ICommandHandler
    {
        private const int MaxU16 = 0xFFFF;

        private readonly PinGuard _pins;
        private readonly IAnalogInputs _analog;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">Pin checks and lock.</param>
        /// <param name="analog">The ADC driver.</param>
        public AnalogCommands(PinGuard pins, IAnalogInputs analog)
        {
            _pins = pins;
            _analog = analog;
        }

        /// <summary>Routes this handler's opcode.</summary>
        /// <param name="dispatcher">The table.</param>
        public void Register(CommandDispatcher dispatcher) => dispatcher.Register(Opcode.AnalogRead, this);

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
        public StatusCode Execute(CommandContext context)
        {
            int pin = context.Arguments.ReadByte();
            int raw;
            lock (_pins.SyncRoot)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                int channel = _pins.AdcChannelOf(pin);
                if (channel == PinDescription.NoAdcChannel)
                {
                    return StatusCode.NoAdcChannel;
                }

                byte use = _pins.UseOf(pin);
                if (PinUse.IsOutput(use) || use == PinUse.Pwm)
                {
                    return StatusCode.WrongPinMode;
                }

                raw = _analog.Read(channel);
            }

            int bits = _analog.ResolutionBits;
            MessageWriter reply = context.Reply;
            reply.WriteUInt16(Clamp(raw));
            reply.WriteByte((byte)bits);
            reply.WriteUInt16(ToMillivolts(raw, bits, _analog.FullScaleMillivolts));
            return StatusCode.Ok;
        }

        private static int Clamp(long value) => value < 0 ? 0 : value > MaxU16 ? MaxU16 : (int)value;
    }
}
