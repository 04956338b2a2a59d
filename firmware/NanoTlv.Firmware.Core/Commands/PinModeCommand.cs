using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>PIN_MODE: args pin u8, mode u8 (<see cref="PinMode"/>).</summary>
    internal sealed class PinModeCommand : ICommandHandler
    {
        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public PinModeCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            int pin = arguments.ReadByte();
            return _pins.SetMode(pin, arguments.ReadByte(), request.Slot);
        }
    }
}
