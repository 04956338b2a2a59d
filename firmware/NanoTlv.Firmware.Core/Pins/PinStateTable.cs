using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    /// <summary>
    /// The pin-state table: checks pin numbers and capabilities against the <see cref="BoardDescription"/> and
    /// tracks, per pin, its current use, its last driven level and the connection slot controlling it. Only the
    /// <see cref="PinService"/> uses it, under its pin lock.
    /// </summary>
    /// <remarks>
    /// A pin flagged <see cref="PinCapabilities.Reserved"/>, <see cref="PinCapabilities.SystemUse"/> (UART0,
    /// status LED) or <see cref="PinCapabilities.I2c"/> (the bus's SDA/SCL) is refused with
    /// <see cref="StatusCode.PinReserved"/>: the firmware itself owns it.
    /// </remarks>
    internal sealed class PinStateTable
    {
        /// <summary>The owner of a pin no connection controls.</summary>
        public const int NoOwner = -1;

        private const PinCapabilities FirmwareOwned = PinCapabilities.Reserved | PinCapabilities.SystemUse | PinCapabilities.I2c;

        private readonly BoardDescription _board;
        private readonly byte[] _use; // PinUse values
        private readonly bool[] _level;
        private readonly int[] _owner;

        /// <summary>Creates the table with every pin unconfigured and unowned.</summary>
        /// <param name="board">The board's pins.</param>
        public PinStateTable(BoardDescription board)
        {
            _board = board;
            int count = board.PinCount;
            _use = new byte[count];
            _level = new bool[count];
            _owner = new int[count];
            for (int pin = 0; pin < count; pin++)
            {
                _use[pin] = (byte)PinUse.Unconfigured;
                _owner[pin] = NoOwner;
            }
        }

        /// <summary>One more than the highest pin number.</summary>
        public int PinCount => _use.Length;

        /// <summary>
        /// <see cref="StatusCode.PinOutOfRange"/> for a number the board lacks, <see cref="StatusCode.PinReserved"/>
        /// for a pin the firmware owns, <see cref="StatusCode.Ok"/> otherwise.
        /// </summary>
        /// <param name="pin">Pin number from a request.</param>
        /// <returns>The verdict.</returns>
        public StatusCode CheckUsable(int pin)
        {
            PinDescription? description = _board.GetPin(pin);
            if (description == null)
            {
                return StatusCode.PinOutOfRange;
            }

            return (description.Capabilities & FirmwareOwned) != 0 ? StatusCode.PinReserved : StatusCode.Ok;
        }

        /// <summary>True when the (usable) pin has every capability in <paramref name="required"/>.</summary>
        /// <param name="pin">A pin that passed <see cref="CheckUsable"/>.</param>
        /// <param name="required">The capabilities needed.</param>
        /// <returns>Whether the pin has them.</returns>
        public bool Has(int pin, PinCapabilities required)
        {
            PinDescription? description = _board.GetPin(pin);
            return description != null && description.Has(required);
        }

        /// <summary>The ADC channel of the pin, or <see cref="PinDescription.AdcChannelNone"/>.</summary>
        /// <param name="pin">A pin that passed <see cref="CheckUsable"/>.</param>
        /// <returns>The channel.</returns>
        public int AdcChannelOf(int pin)
        {
            PinDescription? description = _board.GetPin(pin);
            return description == null || !description.Has(PinCapabilities.Analog) ? PinDescription.AdcChannelNone : description.AdcChannel;
        }

        /// <summary>The pin's tracked use.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <returns>The use.</returns>
        public PinUse UseOf(int pin) => (PinUse)_use[pin];

        /// <summary>The last level the firmware drove on the pin.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <returns>True for high.</returns>
        public bool LevelOf(int pin) => _level[pin];

        /// <summary>The slot of the connection controlling the pin, or <see cref="NoOwner"/>.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <returns>The slot.</returns>
        public int OwnerOf(int pin) => _owner[pin];

        /// <summary>Records the pin's use.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <param name="use">What the pin is used for now.</param>
        public void SetUse(int pin, PinUse use) => _use[pin] = (byte)use;

        /// <summary>Records the level the firmware drove.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <param name="high">True for high.</param>
        public void SetLevel(int pin, bool high) => _level[pin] = high;

        /// <summary>Records which connection slot controls the pin.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <param name="slot">The slot, or <see cref="NoOwner"/>.</param>
        public void SetOwner(int pin, int slot) => _owner[pin] = slot;
    }
}
