using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>
    /// The CAPS reply data, built once from the board description and the sensor readers:
    /// <code>
    /// pin_count u8 | (pin u8, capabilities u16, adc_channel u8, reservation u8) × pin_count
    ///   | sensor_count u8 | (kind u8, default_address u8) × sensor_count
    /// </code>
    /// ADC channel 0xFF for none, reservation a <see cref="PinReservation"/> (0 for a usable pin). Every pin the board
    /// has is listed, reserved ones included (with their flag and the reason). The sensors are the kinds
    /// SENSOR_READ has a reader for, in catalogue order, each with the address it uses when a request gives none
    /// (<see cref="MessageCatalog.NotOnI2cBus"/> for a sensor not on the bus).
    /// </summary>
    internal static class CapsTable
    {
        /// <summary>Builds the reply data.</summary>
        /// <param name="board">The board.</param>
        /// <param name="sensors">SENSOR_READ's reader table, complete.</param>
        /// <returns>The bytes to copy into every CAPS reply.</returns>
        public static byte[] Build(BoardDescription board, SensorReadCommand sensors)
        {
            int limit = board.PinCount < MessageCatalog.MaxCapsPins ? board.PinCount : MessageCatalog.MaxCapsPins;
            int count = 0;
            for (int pin = 0; pin < limit; pin++)
            {
                if (board.GetPin(pin) != null)
                {
                    count++;
                }
            }

            SensorKind[] kinds = MessageCatalog.Sensors;
            int sensorCount = 0;
            for (int i = 0; i < kinds.Length; i++)
            {
                if (sensors.ReaderOf(kinds[i]) != null)
                {
                    sensorCount++;
                }
            }

            byte[] data = new byte[MessageCatalog.CapsReplyBytes(count, sensorCount)];
            data[0] = (byte)count;
            int offset = MessageCatalog.CapsHeaderBytes;
            for (int pin = 0; pin < limit; pin++)
            {
                PinDescription? description = board.GetPin(pin);
                if (description == null)
                {
                    continue;
                }

                data[offset] = (byte)pin;
                data[offset + 1] = (byte)((int)description.Capabilities >> 8);
                data[offset + 2] = (byte)description.Capabilities;
                data[offset + 3] = description.AdcChannel < 0 ? WireMarkers.CapsNoAdcChannel : (byte)description.AdcChannel;
                data[offset + 4] = (byte)description.Reservation;
                offset += MessageCatalog.CapsEntryBytes;
            }

            data[offset] = (byte)sensorCount;
            offset += MessageCatalog.CapsSensorHeaderBytes;
            for (int i = 0; i < kinds.Length; i++)
            {
                ISensorReader? reader = sensors.ReaderOf(kinds[i]);
                if (reader != null)
                {
                    data[offset] = (byte)kinds[i];
                    data[offset + 1] = (byte)reader.DefaultAddress;
                    offset += MessageCatalog.CapsSensorEntryBytes;
                }
            }

            return data;
        }
    }
}
