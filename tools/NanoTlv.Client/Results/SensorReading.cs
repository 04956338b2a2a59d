using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>
    /// A SENSOR_READ reply as sent: the sensor's data bytes in its wire layout (<see cref="SensorKind"/> documents
    /// each), exactly the catalogue's <see cref="MessageCatalog.SensorReplyBytes"/> long. The typed reads
    /// (<see cref="TlvClient.ReadBme280Async"/>, <see cref="TlvClient.ReadInternalTemperatureAsync"/>) decode it.
    /// </summary>
    /// <param name="Kind">The sensor read.</param>
    /// <param name="Address">The I2C address asked for; 0 when the device's default was used (or the sensor is not on
    /// the bus).</param>
    /// <param name="Data">The reply data.</param>
    public sealed record SensorReading(SensorKind Kind, int Address, byte[] Data)
    {
        /// <summary>The catalogue's short name of <see cref="Kind"/>, e.g. "bme280".</summary>
        public string Name => MessageCatalog.SensorNameOf((byte)Kind);
    }
}
