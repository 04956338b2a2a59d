using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Diagnostics;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Pins;
using NanoTlv.Firmware.Security;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>
    /// Wires every command handler and every sensor reader into the dispatcher: the one place that says which
    /// handler runs which opcode and which reader reads which sensor kind.
    /// </summary>
    internal static class CommandSet
    {
        /// <summary>Creates the handlers and registers them; checks every catalogue opcode has one.</summary>
        /// <param name="dispatcher">The table to fill.</param>
        /// <param name="options">Validated options (HELLO).</param>
        /// <param name="board">The board's description and drivers.</param>
        /// <param name="pins">The pin service.</param>
        /// <param name="token">The token check.</param>
        /// <param name="throttle">The wrong-token throttle.</param>
        /// <param name="counters">Traffic counters (INFO).</param>
        /// <param name="connections">Connection counts (INFO).</param>
        /// <param name="log">The device log.</param>
        public static void Register(CommandDispatcher dispatcher, DeviceOptions options, BoardServices board, PinService pins, TokenVerifier token, FailedHelloThrottle throttle, DeviceCounters counters, IConnectionCount connections, ILog log)
        {
            BoardDescription description = board.Description;
            HelloCommand hello = new HelloCommand(options, FeatureFlags.For(description, token.IsRequired), token, throttle, board.System, log);
            dispatcher.Register(Opcode.Hello, hello, hello.ReplyBytes);
            dispatcher.Register(Opcode.Ping, new PingCommand(), MessageCatalog.EchoesArguments);
            dispatcher.Register(Opcode.Info, new InfoCommand(counters, connections, board.System, throttle));

            dispatcher.Register(Opcode.PinMode, new PinModeCommand(pins));
            dispatcher.Register(Opcode.DigitalWrite, new DigitalWriteCommand(pins));
            dispatcher.Register(Opcode.DigitalRead, new DigitalReadCommand(pins));
            dispatcher.Register(Opcode.DigitalToggle, new DigitalToggleCommand(pins));
            dispatcher.Register(Opcode.Pulse, new PulseCommand(pins));
            dispatcher.Register(Opcode.Subscribe, new SubscribeCommand(pins));
            dispatcher.Register(Opcode.Unsubscribe, new UnsubscribeCommand(pins));
            dispatcher.Register(Opcode.AnalogRead, new AnalogReadCommand(pins));
            dispatcher.Register(Opcode.PwmSet, new PwmSetCommand(pins));
            dispatcher.Register(Opcode.PwmStop, new PwmStopCommand(pins));
            dispatcher.Register(Opcode.Failsafe, new FailsafeCommand(pins));

            I2cMaster i2c = new I2cMaster(board.I2c);
            dispatcher.Register(Opcode.I2cWrite, new I2cWriteCommand(i2c));
            dispatcher.Register(Opcode.I2cRead, new I2cReadCommand(i2c));
            dispatcher.Register(Opcode.I2cWriteRead, new I2cWriteReadCommand(i2c));
            dispatcher.Register(Opcode.I2cScan, new I2cScanCommand(i2c));

            SensorReadCommand sensors = new SensorReadCommand();
            sensors.Add(SensorKind.InternalTemperature, new InternalTemperatureReader(board.System));
            sensors.Add(SensorKind.Bme280, new Bme280Reader(i2c));
            dispatcher.Register(Opcode.SensorRead, sensors);

            // CAPS lists the sensors of the table just filled: it is built after the last reader is added.
            CapsCommand caps = new CapsCommand(description, sensors);
            dispatcher.Register(Opcode.Caps, caps, caps.ReplyBytes);

            dispatcher.RequireComplete();
        }
    }
}
