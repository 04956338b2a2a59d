using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>DIGITAL_TOGGLE: args pin u8; reply the new level u8.</summary>
    internal sealed class DigitalToggleCommand : ICommandHandler
    {
        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public DigitalToggleCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            StatusCode status = _pins.Toggle(request.Arguments.ReadByte(), request.Slot, out bool high);
            if (status == StatusCode.Ok)
            {
                request.Reply.WriteByte(high ? (byte)1 : (byte)0);
            }

            return status;
        }
    }
}
