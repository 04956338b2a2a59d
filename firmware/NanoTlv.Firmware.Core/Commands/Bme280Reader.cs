using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Sensors;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>A BME280 at 0x76 or 0x77: reply centi_celsius i32, pressure_pa_q24_8 u32, humidity_q22_10 u32.</summary>
    internal sealed class Bme280Reader : ISensorReader
    {
        private readonly I2cMaster _i2c;
        private readonly Bme280 _driver;
        private readonly Bme280Reading _reading = new Bme280Reading();

        /// <summary>Creates the reader and its driver.</summary>
        /// <param name="i2c">The bus (its lock is held for a whole measurement).</param>
        public Bme280Reader(I2cMaster i2c)
        {
            _i2c = i2c;
            _driver = new Bme280(i2c.Bus);
        }

        /// <inheritdoc/>
        public int ReplyBytes => MessageCatalog.SensorReplyBytes((byte)SensorKind.Bme280);

        /// <inheritdoc/>
        public int DefaultAddress => MessageCatalog.SensorDefaultAddress((byte)SensorKind.Bme280);

        /// <inheritdoc/>
        public StatusCode Read(int address, IReplySink reply)
        {
            if (address != ProtocolLimits.Bme280PrimaryAddress && address != ProtocolLimits.Bme280SecondaryAddress)
            {
                return StatusCode.BadArgument;
            }

            lock (_i2c.Sync)
            {
                StatusCode status = SensorStatus.Of(_driver.Read(address, _reading));
                if (status == StatusCode.Ok)
                {
                    reply.WriteInt32(_reading.TemperatureCentiCelsius);
                    reply.WriteUInt32(_reading.PressurePaQ24Dot8);
                    reply.WriteUInt32(_reading.HumidityPercentQ22Dot10);
                }

                return status;
            }
        }
    }
}
