using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Sensors;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>
    /// SENSOR_READ: the chip's internal temperature (via <see cref="ISystemMonitor"/>) or a BME280 on the
    /// I2C bus at 0x76 (address argument 0 or absent) or 0x77.
    /// </summary>
    internal sealed class SensorCommands : ICommandHandler
    {
        private readonly ISystemMonitor _system;
        private readonly Bme280 _bme280;
        private readonly Bme280Reading _reading = new Bme280Reading();
        private readonly object _busSync;

        /// <summary>Creates the handler and its BME280 driver.</summary>
        /// <param name="system">The internal temperature sensor.</param>
        /// <param name="bus">The I2C master.</param>
        /// <param name="busSync">The lock serialising bus transfers.</param>
        public SensorCommands(ISystemMonitor system, II2cBus bus, object busSync)
        {
            _system = system;
            _bme280 = new Bme280(bus);
            _busSync = busSync;
        }

        /// <summary>Routes this handler's opcode.</summary>
        /// <param name="dispatcher">The table.</param>
        public void Register(CommandDispatcher dispatcher) => dispatcher.Register(Opcode.SensorRead, this);

        /// <inheritdoc/>
        public StatusCode Execute(CommandContext context)
        {
            MessageReader arguments = context.Arguments;
            byte sensor = arguments.ReadByte();
            int address = arguments.Remaining > 0 ? arguments.ReadByte() : Bme280.UseDefaultAddress;
            switch ((SensorKind)sensor)
            {
                case SensorKind.InternalTemperature:
                    if (!_system.TryReadInternalTemperature(out int centiCelsius))
                    {
                        return StatusCode.SensorAbsent;
                    }

                    context.Reply.WriteInt32(centiCelsius);
                    return StatusCode.Ok;
                case SensorKind.Bme280:
                    return ReadBme280(context, address);
                default:
                    return StatusCode.BadArgument;
            }
        }

        private StatusCode ReadBme280(CommandContext context, int address)
        {
            if (address != Bme280.UseDefaultAddress && address != Bme280.DefaultAddress && address != Bme280.SecondaryAddress)
            {
                return StatusCode.BadArgument;
            }

            lock (_busSync)
            {
                StatusCode status = _bme280.Read(address, _reading);
                if (status != StatusCode.Ok)
                {
                    return status;
                }

                MessageWriter reply = context.Reply;
                reply.WriteInt32(_reading.TemperatureCentiCelsius);
                reply.WriteUInt32(_reading.PressurePaQ24Dot8);
                reply.WriteUInt32(_reading.HumidityPercentQ22Dot10);
                return StatusCode.Ok;
            }
        }
    }
}
