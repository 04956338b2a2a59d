using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>DIGITAL_READ: args pin u8; reply level u8.</summary>
    internal sealed class DigitalReadCommand : ICommandHandler
    {
        private readonly PinService _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">The pin service.</param>
        public DigitalReadCommand(PinService pins)
        {
            _pins = pins;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            StatusCode status = _pins.Read(request.Arguments.ReadByte(), out bool high);
            if (status == StatusCode.Ok)
            {
                request.Reply.WriteByte(high ? (byte)1 : (byte)0);
            }

            return status;
        }
    }
}
