using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>PULSE: args pin u8, level u8, duration_ms u32.</summary>
    internal sealed class PulseCommand : ICommandHandler
    {
        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public PulseCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            int pin = arguments.ReadByte();
            byte level = arguments.ReadByte();
            return _pins.Pulse(pin, level, arguments.ReadUInt32(), request.Slot);
        }
    }
}
