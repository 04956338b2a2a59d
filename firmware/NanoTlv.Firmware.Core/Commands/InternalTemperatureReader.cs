using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>The chip's internal temperature sensor: reply centi_celsius i32.</summary>
    internal sealed class InternalTemperatureReader : ISensorReader
    {
        private readonly ISystemMonitor _system;

        /// <summary>Creates the reader.</summary>
        /// <param name="system">The chip's sensors.</param>
        public InternalTemperatureReader(ISystemMonitor system)
        {
            _system = system;
        }

        /// <inheritdoc/>
        public int ReplyBytes => MessageCatalog.SensorReplyBytes((byte)SensorKind.InternalTemperature);

        /// <inheritdoc/>
        public int DefaultAddress => MessageCatalog.SensorDefaultAddress((byte)SensorKind.InternalTemperature);

        /// <inheritdoc/>
        public StatusCode Read(int address, IReplySink reply)
        {
            if (!_system.TryReadInternalTemperature(out int centiCelsius))
            {
                return StatusCode.SensorAbsent;
            }

            reply.WriteInt32(centiCelsius);
            return StatusCode.Ok;
        }
    }
}
