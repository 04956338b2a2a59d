using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>PWM_SET: args pin u8, frequency_hz u32, duty u16 (0..10000).</summary>
    internal sealed class PwmSetCommand : ICommandHandler
    {
        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public PwmSetCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            int pin = arguments.ReadByte();
            uint frequencyHz = arguments.ReadUInt32();
            return _pins.StartPwm(pin, frequencyHz, arguments.ReadUInt16(), request.Slot);
        }
    }
}
