using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>I2C_WRITE: args address u8, data (1..255 bytes).</summary>
    internal sealed class I2cWriteCommand : ICommandHandler
    {
        private readonly I2cMaster _i2c;

        /// <summary>Creates the handler.</summary>
        /// <param name="i2c">The bus.</param>
        public I2cWriteCommand(I2cMaster i2c)
        {
            _i2c = i2c;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            int address = arguments.ReadByte();
            return I2cMaster.IsValidAddress(address)
                ? _i2c.Write(address, arguments.Buffer, arguments.Position, arguments.Remaining)
                : StatusCode.BadArgument;
        }
    }
}
