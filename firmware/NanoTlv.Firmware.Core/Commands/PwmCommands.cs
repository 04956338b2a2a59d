using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>PWM_SET and PWM_STOP.</summary>
    internal sealed class PwmCommands : ICommandHandler
    {
        private readonly PinGuard _pins;
        private readonly PinController _controller;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">Pin checks and lock.</param>
        /// <param name="controller">Starts and stops PWM on a pin, ending its previous use.</param>
        public PwmCommands(PinGuard pins, PinController controller)
        {
            _pins = pins;
            _controller = controller;
        }

        /// <summary>Routes this handler's opcodes.</summary>
        /// <param name="dispatcher">The table.</param>
        public void Register(CommandDispatcher dispatcher)
        {
            dispatcher.Register(Opcode.PwmSet, this);
            dispatcher.Register(Opcode.PwmStop, this);
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandContext context)
        {
            MessageReader arguments = context.Arguments;
            int pin = arguments.ReadByte();
            lock (_pins.SyncRoot)
            {
                StatusCode status = _pins.CheckUsable(pin);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                return (Opcode)context.Opcode == Opcode.PwmSet
                    ? _controller.StartPwmLocked(pin, arguments.ReadUInt32(), arguments.ReadUInt16(), context.Slot)
                    : _controller.StopPwmLocked(pin, context.Slot);
            }
        }
    }
}
