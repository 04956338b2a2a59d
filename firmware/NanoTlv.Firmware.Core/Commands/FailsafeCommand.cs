using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>FAILSAFE: args pin u8, level u8 (0, 1, or 0xFF to clear): the level the pin takes when its controlling connection goes away.</summary>
    internal sealed class FailsafeCommand : ICommandHandler
    {
        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public FailsafeCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            int pin = arguments.ReadByte();
            return _pins.SetFailsafe(pin, arguments.ReadByte(), request.Slot);
        }
    }
}
