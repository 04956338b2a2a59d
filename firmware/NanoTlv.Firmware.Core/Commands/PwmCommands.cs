using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Firmware.Pulses;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>PWM_SET and PWM_STOP.</summary>
    internal sealed class PwmCommands : ICommandHandler
    {
        private readonly PinGuard _pins;
        private readonly PinController _controller;
        private readonly PulseScheduler _pulses;
        private readonly IPwmOutputs _pwm;

        /// <summary>Creates the handler.</summary>
        /// <param name="pins">Pin checks, state and lock.</param>
        /// <param name="controller">Ends a pin's previous use.</param>
        /// <param name="pulses">Pulse state (a pulsing pin is busy).</param>
        /// <param name="pwm">The PWM driver.</param>
        public PwmCommands(PinGuard pins, PinController controller, PulseScheduler pulses, IPwmOutputs pwm)
        {
            _pins = pins;
            _controller = controller;
            _pulses = pulses;
            _pwm = pwm;
        }

        /// <summary>Routes this handler's opcodes.</summary>
        /// <param name="dispatcher">The table.</param>
        public void Register(CommandDispatcher dispatcher)
        {
            dispatcher.Register(Opcode.PwmSet, this, 0);
            dispatcher.Register(Opcode.PwmStop, this, 0);
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
                    ? Start(pin, arguments.ReadUInt32(), arguments.ReadUInt16(), context.Slot)
                    : Stop(pin, context.Slot);
            }
        }

        private StatusCode Start(int pin, uint frequencyHz, int duty, int slot)
        {
            if (frequencyHz == 0 || frequencyHz > int.MaxValue || duty > MessageLayout.FullDuty)
            {
                return StatusCode.BadArgument;
            }

            if (!_pins.Has(pin, PinCapabilities.Pwm))
            {
                return StatusCode.NoPwmChannel;
            }

            if (_pulses.IsPulsing(pin))
            {
                return StatusCode.Busy;
            }

            if (_pins.UseOf(pin) != PinUse.Pwm)
            {
                _controller.LeaveCurrentUseLocked(pin, false);
            }

            if (!_pwm.Start(pin, (int)frequencyHz, duty))
            {
                return StatusCode.NoPwmChannel;
            }

            _pins.SetUse(pin, PinUse.Pwm);
            _pins.SetOwner(pin, slot);
            return StatusCode.Ok;
        }

        private StatusCode Stop(int pin, int slot)
        {
            if (!_pins.Has(pin, PinCapabilities.Pwm))
            {
                return StatusCode.NoPwmChannel;
            }

            if (_pins.UseOf(pin) == PinUse.Pwm)
            {
                _pwm.Stop(pin);
                _pins.SetUse(pin, PinUse.Unconfigured);
                _pins.SetOwner(pin, slot);
            }

            return StatusCode.Ok;
        }
    }
}
