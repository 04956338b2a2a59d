using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>PIN_MODE, DIGITAL_WRITE, DIGITAL_READ, DIGITAL_TOGGLE and PULSE.</summary>
    internal sealed class DigitalCommands : ICommandHandler
    {
        private readonly PinController _pins;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">Digital pin operations.</param>
        public DigitalCommands(PinController pins)
        {
            _pins = pins;
        }

        /// <summary>Routes this handler's opcodes.</summary>
        /// <param name="dispatcher">The table.</param>
        public void Register(CommandDispatcher dispatcher)
        {
            dispatcher.Register(Opcode.PinMode, this);
            dispatcher.Register(Opcode.DigitalWrite, this);
            dispatcher.Register(Opcode.DigitalRead, this);
            dispatcher.Register(Opcode.DigitalToggle, this);
            dispatcher.Register(Opcode.Pulse, this);
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandContext context)
        {
            MessageReader arguments = context.Arguments;
            int pin = arguments.ReadByte();
            bool high;
            StatusCode status;
            switch ((Opcode)context.Opcode)
            {
                case Opcode.PinMode:
                    return _pins.SetMode(pin, arguments.ReadByte(), context.Slot);
                case Opcode.DigitalWrite:
                    return _pins.Write(pin, arguments.ReadByte(), context.Slot);
                case Opcode.DigitalRead:
                    status = _pins.Read(pin, out high);
                    break;
                case Opcode.DigitalToggle:
                    status = _pins.Toggle(pin, context.Slot, out high);
                    break;
                case Opcode.Pulse:
                    byte level = arguments.ReadByte();
                    return _pins.Pulse(pin, level, arguments.ReadUInt32(), context.Slot);
                default:
                    return StatusCode.UnknownOpcode;
            }

            if (status == StatusCode.Ok)
            {
                context.Reply.WriteByte(high ? (byte)1 : (byte)0);
            }

            return status;
        }
    }
}
