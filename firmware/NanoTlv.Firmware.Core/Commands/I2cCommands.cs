using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>
    /// I2C_WRITE, I2C_READ, I2C_WRITE_READ and I2C_SCAN on the board's I2C master. Addresses are 7-bit,
    /// 0x08..0x77 (the rest are reserved by the I2C specification). Transfers are serialised by the bus lock
    /// shared with SENSOR_READ. I2C_SCAN probes every address with a one-byte read: a read is a plain
    /// addressed transfer every I2C master and driver supports, where a zero-byte write is not.
    /// </summary>
    internal sealed class I2cCommands : ICommandHandler
    {
        // Scratch layout for I2C_SCAN: the probe byte, then the addresses found.
        private const int ScanProbeOffset = 0;
        private const int ScanFoundOffset = 1;

        private readonly II2cBus _bus;
        private readonly object _busSync;

        /// <summary>Creates the handler.</summary>
        /// <param name="bus">The I2C master.</param>
        /// <param name="busSync">The lock serialising bus transfers.</param>
        public I2cCommands(II2cBus bus, object busSync)
        {
            _bus = bus;
            _busSync = busSync;
        }

        /// <summary>Routes this handler's opcodes.</summary>
        /// <param name="dispatcher">The table.</param>
        public void Register(CommandDispatcher dispatcher)
        {
            dispatcher.Register(Opcode.I2cWrite, this);
            dispatcher.Register(Opcode.I2cRead, this);
            dispatcher.Register(Opcode.I2cWriteRead, this);
            dispatcher.Register(Opcode.I2cScan, this);
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandContext context)
        {
            if ((Opcode)context.Opcode == Opcode.I2cScan)
            {
                return Scan(context);
            }

            MessageReader arguments = context.Arguments;
            int address = arguments.ReadByte();
            if (address < MessageLayout.FirstI2cAddress || address > MessageLayout.LastI2cAddress)
            {
                return StatusCode.BadArgument;
            }

            if ((Opcode)context.Opcode == Opcode.I2cWrite)
            {
                lock (_busSync)
                {
                    return _bus.Write(address, arguments.Buffer, arguments.Position, arguments.Remaining);
                }
            }

            int readBytes = arguments.ReadByte();
            if (readBytes == 0)
            {
                return StatusCode.BadArgument;
            }

            byte[] scratch = context.Scratch;
            StatusCode status;
            lock (_busSync)
            {
                status = (Opcode)context.Opcode == Opcode.I2cRead
                    ? _bus.Read(address, scratch, 0, readBytes)
                    : _bus.WriteRead(address, arguments.Buffer, arguments.Position, arguments.Remaining, scratch, 0, readBytes);
            }

            if (status == StatusCode.Ok)
            {
                context.Reply.WriteBytes(scratch, 0, readBytes);
            }

            return status;
        }

        private StatusCode Scan(CommandContext context)
        {
            byte[] scratch = context.Scratch;
            int found = 0;
            lock (_busSync)
            {
                for (int address = MessageLayout.FirstI2cAddress; address <= MessageLayout.LastI2cAddress; address++)
                {
                    StatusCode status = _bus.Read(address, scratch, ScanProbeOffset, 1);
                    if (status == StatusCode.Ok)
                    {
                        scratch[ScanFoundOffset + found] = (byte)address;
                        found++;
                    }
                    else if (status != StatusCode.I2cNack)
                    {
                        return status;
                    }
                }
            }

            context.Reply.WriteByte((byte)found);
            context.Reply.WriteBytes(scratch, ScanFoundOffset, found);
            return StatusCode.Ok;
        }
    }
}
