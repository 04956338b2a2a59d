using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>I2C_WRITE_READ: args address u8, read_count u8 (1..255), write data (1..255 bytes); reply the bytes
    /// read after a repeated start.</summary>
    internal sealed class I2cWriteReadCommand : ICommandHandler
    {
        private readonly I2cMaster _i2c;

        /// <summary>Creates the handler.</summary>
        /// <param name="i2c">The bus.</param>
        public I2cWriteReadCommand(I2cMaster i2c)
        {
            _i2c = i2c;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            int address = arguments.ReadByte();
            int count = arguments.ReadByte();
            if (!I2cMaster.IsValidAddress(address) || count == 0)
            {
                return StatusCode.BadArgument;
            }

            StatusCode status = _i2c.WriteRead(address, arguments.Buffer, arguments.Position, arguments.Remaining, request.Scratch, 0, count);
            if (status == StatusCode.Ok)
            {
                request.Reply.WriteBytes(request.Scratch, 0, count);
            }

            return status;
        }
    }
}
