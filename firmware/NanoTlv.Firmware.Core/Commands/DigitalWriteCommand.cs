using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>DIGITAL_WRITE: args pin u8, level u8 (0 or 1).</summary>
    internal sealed class DigitalWriteCommand : ICommandHandler
    {
        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public DigitalWriteCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            int pin = arguments.ReadByte();
            return _pins.Write(pin, arguments.ReadByte(), request.Slot);
        }
    }
}
