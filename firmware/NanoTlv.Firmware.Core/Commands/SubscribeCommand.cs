using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>SUBSCRIBE: args pin u8, edges u8 (<see cref="PinEdges"/>), debounce_ms u16.</summary>
    internal sealed class SubscribeCommand : ICommandHandler
    {
        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public SubscribeCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            int pin = arguments.ReadByte();
            byte edges = arguments.ReadByte();
            return _pins.Subscribe(pin, edges, arguments.ReadUInt16(), request.Slot);
        }
    }
}
