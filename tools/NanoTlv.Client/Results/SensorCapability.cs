using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>One sensor of the device's CAPS list: a kind SENSOR_READ can read on this board.</summary>
    /// <param name="Kind">The sensor kind.</param>
    /// <param name="DefaultAddress">The I2C address the device reads when a request gives none, or
    /// <see cref="MessageCatalog.NotOnI2cBus"/> (0) for a sensor that is not on the I2C bus.</param>
    public sealed record SensorCapability(SensorKind Kind, int DefaultAddress)
    {
        /// <summary>The catalogue's short name, e.g. "bme280" ("unknown" for a kind this client does not know).</summary>
        public string Name => MessageCatalog.SensorNameOf((byte)Kind);

        /// <summary>True when the sensor sits on the I2C bus (it has an address).</summary>
        public bool IsOnI2cBus => DefaultAddress != MessageCatalog.NotOnI2cBus;
    }
}
