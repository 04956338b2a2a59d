using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Events;
using NanoTlv.Firmware.Pins;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>SUBSCRIBE and UNSUBSCRIBE: input-change events for this connection.</summary>
    internal sealed class EventCommands : ICommandHandler
    {
        private readonly PinGuard _pins;
        private readonly PinEventRouter _events;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">Pin checks and lock.</param>
        /// <param name="events">The subscriptions.</param>
        public EventCommands(PinGuard pins, PinEventRouter events)
        {
            _pins = pins;
            _events = events;
        }

        /// <summary>Routes this handler's opcodes.</summary>
        /// <param name="dispatcher">The table.</param>
        public void Register(CommandDispatcher dispatcher)
        {
            dispatcher.Register(Opcode.Subscribe, this);
            dispatcher.Register(Opcode.Unsubscribe, this);
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

                if ((Opcode)context.Opcode == Opcode.Unsubscribe)
                {
                    _events.Unsubscribe(pin, context.Slot);
                    return StatusCode.Ok;
                }

                byte edges = arguments.ReadByte();
                int debounceMs = arguments.ReadUInt16();
                if (edges == (byte)PinEdges.None || edges > (byte)PinEdges.Both)
                {
                    return StatusCode.BadArgument;
                }

                if (!_pins.Has(pin, PinCapabilities.DigitalInput))
                {
                    return StatusCode.UnsupportedMode;
                }

                if (!PinUse.IsInput(_pins.UseOf(pin)))
                {
                    return StatusCode.WrongPinMode;
                }

                _events.Subscribe(pin, context.Slot, (PinEdges)edges, debounceMs);
                return StatusCode.Ok;
            }
        }
    }
}
