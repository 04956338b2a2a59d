using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>
    /// One kind of sensor as SENSOR_READ sees it: how many reply bytes it writes, where it sits on the I2C bus by
    /// default, and a read that writes its reply data. <see cref="SensorReadCommand"/> keeps one per
    /// <see cref="SensorKind"/>; they are wired in <see cref="CommandSet"/>.
    /// </summary>
    internal interface ISensorReader
    {
        /// <summary>Data bytes of an OK reply (the catalogue's <see cref="MessageCatalog.SensorReplyBytes"/>).</summary>
        int ReplyBytes { get; }

        /// <summary>The address used when the request's address is 0 or absent, or <see cref="MessageCatalog.NotOnI2cBus"/>.</summary>
        int DefaultAddress { get; }

        /// <summary>Reads the sensor and, on success, writes exactly <see cref="ReplyBytes"/> bytes to <paramref name="reply"/>.</summary>
        /// <param name="address">The sensor's 7-bit address (the default already applied).</param>
        /// <param name="reply">Where the reply data goes.</param>
        /// <returns>The outcome.</returns>
        StatusCode Read(int address, IReplySink reply);
    }
}
