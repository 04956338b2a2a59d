using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>
    /// The CAPS reply data, built once from the board description:
    /// <c>pin_count u8 | (pin u8, capabilities u16, adc_channel u8, reservation u8) × pin_count</c>, ADC channel
    /// 0xFF for none, reservation a <see cref="PinReservation"/> (0 for a usable pin). Every pin the board has is
    /// listed, reserved ones included (with their flag and the reason).
    /// </summary>
    internal static class CapsTable
    {
        /// <summary>Builds the reply data.</summary>
        /// <param name="board">The board.</param>
        /// <returns>The bytes to copy into every CAPS reply.</returns>
        public static byte[] Build(BoardDescription board)
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

            byte[] data = new byte[MessageCatalog.CapsReplyBytes(count)];
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
                data[offset + 3] = description.AdcChannel < 0 ? MessageLayout.NoAdcChannel : (byte)description.AdcChannel;
                data[offset + 4] = (byte)description.Reservation;
                offset += MessageCatalog.CapsEntryBytes;
            }

            return data;
        }
    }
}
