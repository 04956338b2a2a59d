using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>I2C_SCAN: no args; reply count u8, then the 7-bit addresses (0x08..0x77) that acknowledged.</summary>
    internal sealed class I2cScanCommand : ICommandHandler
    {
        // Scratch layout: the probe byte, then the addresses found.
        private const int ProbeOffset = 0;

        private readonly I2cMaster _i2c;

        /// <summary>Creates the handler.</summary>
        /// <param name="i2c">The bus.</param>
        public I2cScanCommand(I2cMaster i2c)
        {
            _i2c = i2c;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            StatusCode status = _i2c.Scan(request.Scratch, ProbeOffset, out int found);
            if (status == StatusCode.Ok)
            {
                request.Reply.WriteByte((byte)found);
                request.Reply.WriteBytes(request.Scratch, ProbeOffset + 1, found);
            }

            return status;
        }
    }
}
