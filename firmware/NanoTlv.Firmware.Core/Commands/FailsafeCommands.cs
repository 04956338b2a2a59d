using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Failsafe;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>FAILSAFE: sets or clears the level a pin takes when its controlling connection goes away.</summary>
    internal sealed class FailsafeCommands : ICommandHandler
    {
        private readonly FailsafeKeeper _failsafe;

        /// <summary>Creates the handler.</summary>
        /// <param name="failsafe">The failsafe levels.</param>
        public FailsafeCommands(FailsafeKeeper failsafe)
        {
            _failsafe = failsafe;
        }

        /// <summary>Routes this handler's opcode.</summary>
        /// <param name="dispatcher">The table.</param>
        public void Register(CommandDispatcher dispatcher) => dispatcher.Register(Opcode.Failsafe, this);

        /// <inheritdoc/>
        public StatusCode Execute(CommandContext context)
        {
            MessageReader arguments = context.Arguments;
            int pin = arguments.ReadByte();
            return _failsafe.Configure(pin, arguments.ReadByte(), context.Slot);
        }
    }
}
