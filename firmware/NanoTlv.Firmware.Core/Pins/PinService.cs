using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Events;
using NanoTlv.Firmware.Pulses;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    /// <summary>
    /// The one way to the pins: digital I/O, pulses, PWM, analog reads, input-change subscriptions and failsafe
    /// levels. It owns the pin lock, the usability check and the pin state (<see cref="PinStateTable"/>,
    /// <see cref="FailsafeLevels"/>, the <see cref="PulseScheduler"/>); handlers call one method and get a status.
    /// Every operation that changes a pin makes the calling connection its controller.
    /// </summary>
    /// <remarks>
    /// Checks run in one order for every command: pin number (<see cref="StatusCode.PinOutOfRange"/>),
    /// reservation (<see cref="StatusCode.PinReserved"/>), argument values (<see cref="StatusCode.BadArgument"/>),
    /// pin capability (<see cref="StatusCode.UnsupportedMode"/>, <see cref="StatusCode.NoAdcChannel"/>,
    /// <see cref="StatusCode.NoPwmChannel"/>), pin state (<see cref="StatusCode.WrongPinMode"/>, <see cref="StatusCode.Busy"/>).
    /// The controlling connection of a pin is the one that last changed it; when it ends, each pin it controls
    /// that has a failsafe level is driven to it (pulse cancelled, PWM stopped, subscriptions dropped, made an
    /// output) and released. Pins without a level keep their state.
    /// <para>One class in files by concern: this one holds the state, the lock and what every concern shares;
    /// <c>PinService.Digital.cs</c> (modes, write, toggle, read, pulses), <c>.Analog.cs</c>, <c>.Pwm.cs</c>,
    /// <c>.Events.cs</c> (subscriptions) and <c>.Failsafe.cs</c> (levels, boot levels, a connection's release).
    /// Every public method takes <c>_sync</c> and checks the pin with <see cref="PinStateTable.CheckUsable"/> first.</para>
    /// </remarks>
    internal sealed partial class PinService : IPulseEnd
    {
        private const byte HighestWireMode = (byte)PinMode.OutputOpenDrain;

        private readonly object _sync = new object();
        private readonly PinStateTable _pins;
        private readonly FailsafeLevels _failsafe;
        private readonly IDigitalPins _digital;
        private readonly IPwmOutputs _pwm;
        private readonly IAnalogInputs _analog;
        private readonly PulseScheduler _pulses;
        private readonly PinEventRouter _events;
        private readonly ILog _log;

        /// <summary>Creates the service with every pin unconfigured and the boot failsafe levels recorded (not yet driven).</summary>
        /// <param name="board">The board's pins.</param>
        /// <param name="digital">GPIO driver.</param>
        /// <param name="pwm">PWM driver.</param>
        /// <param name="analog">ADC driver.</param>
        /// <param name="events">Input-change subscriptions.</param>
        /// <param name="clock">Board uptime (pulse deadlines).</param>
        /// <param name="options">Holds the boot failsafe levels.</param>
        /// <param name="log">Where failsafe and pulse outcomes are reported.</param>
        public PinService(BoardDescription board, IDigitalPins digital, IPwmOutputs pwm, IAnalogInputs analog, PinEventRouter events, ISystemMonitor clock, DeviceOptions options, ILog log)
        {
            _pins = new PinStateTable(board);
            _failsafe = new FailsafeLevels(board.PinCount, options);
            _digital = digital;
            _pwm = pwm;
            _analog = analog;
            _events = events;
            _log = log;
            _pulses = new PulseScheduler(board.PinCount, _sync, this, clock, log);
        }

        /// <summary>Ends what a pin is doing before it changes use: cancels a pulse, stops PWM and (unless it
        /// stays an input) drops its subscriptions.</summary>
        private void LeaveCurrentUse(int pin, bool keepSubscriptions)
        {
            _pulses.Cancel(pin);
            StopRunningPwm(pin);
            if (!keepSubscriptions)
            {
                _events.DropPin(pin);
            }
        }

        private static bool IsInput(PinUse use) => use == PinUse.Input || use == PinUse.InputPullUp || use == PinUse.InputPullDown;

        private static bool IsOutput(PinUse use) => use == PinUse.Output || use == PinUse.OutputOpenDrain;
    }
}
