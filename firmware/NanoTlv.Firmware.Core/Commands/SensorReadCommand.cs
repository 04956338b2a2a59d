using System;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>
    /// SENSOR_READ: args sensor u8 (<see cref="SensorKind"/>), address u8 (I2C sensors; 0 or absent = the sensor's
    /// default). Looks the sensor up in a table indexed by kind and lets its <see cref="ISensorReader"/> read it.
    /// A kind with no reader on this device is a <see cref="StatusCode.BadArgument"/>.
    /// </summary>
    internal sealed class SensorReadCommand : ICommandHandler
    {
        private const int UseDefaultAddress = 0;

        private readonly ISensorReader?[] _readers;

        /// <summary>Creates the handler with an empty table sized for the catalogue's sensor kinds.</summary>
        public SensorReadCommand()
        {
            SensorKind[] kinds = MessageCatalog.Sensors;
            int highest = 0;
            for (int i = 0; i < kinds.Length; i++)
            {
                highest = (int)kinds[i] > highest ? (int)kinds[i] : highest;
            }

            _readers = new ISensorReader?[highest + 1];
        }

        /// <summary>Adds the reader of a sensor kind.</summary>
        /// <param name="kind">A catalogue sensor kind.</param>
        /// <param name="reader">Its reader; its reply size must be the catalogue's.</param>
        /// <exception cref="InvalidOperationException">The kind already has a reader, or the sizes disagree.</exception>
        public void Add(SensorKind kind, ISensorReader reader)
        {
            int index = (int)kind;
            if (index >= _readers.Length || _readers[index] != null || reader.ReplyBytes != MessageCatalog.SensorReplyBytes((byte)kind))
            {
                throw new InvalidOperationException("Sensor " + index + " is not in the catalogue, has a reader already, or disagrees with its reply size.");
            }

            _readers[index] = reader;
        }

        /// <summary>The reader of <paramref name="kind"/>, or null when the device cannot read it (CAPS lists the
        /// kinds that have one).</summary>
        /// <param name="kind">A sensor kind.</param>
        /// <returns>The reader SENSOR_READ uses, or null.</returns>
        public ISensorReader? ReaderOf(SensorKind kind) => (int)kind < _readers.Length ? _readers[(int)kind] : null;

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            int kind = arguments.ReadByte();
            int address = arguments.Remaining > 0 ? arguments.ReadByte() : UseDefaultAddress;
            ISensorReader? reader = kind < _readers.Length ? _readers[kind] : null;
            if (reader == null)
            {
                return StatusCode.BadArgument;
            }

            return reader.Read(address == UseDefaultAddress ? reader.DefaultAddress : address, request.Reply);
        }
    }
}
