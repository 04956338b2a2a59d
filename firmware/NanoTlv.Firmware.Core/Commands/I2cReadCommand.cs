using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>I2C_READ: args address u8, count u8 (1..255); reply the bytes read.</summary>
    internal sealed class I2cReadCommand : ICommandHandler
    {
        private readonly I2cMaster _i2c;

        /// <summary>Creates the handler.</summary>
        /// <param name="i2c">The bus.</param>
        public I2cReadCommand(I2cMaster i2c)
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

            StatusCode status = _i2c.Read(address, request.Scratch, 0, count);
            if (status == StatusCode.Ok)
            {
                request.Reply.WriteBytes(request.Scratch, 0, count);
            }

            return status;
        }
    }
}
