using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>UNSUBSCRIBE: args pin u8.</summary>
    internal sealed class UnsubscribeCommand : ICommandHandler
    {
        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public UnsubscribeCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            return _pins.Unsubscribe(request.Arguments.ReadByte(), request.Slot);
        }
    }
}
