using NanoTlv.Messages;

namespace NanoTlv.Firmware.Board
{
    /// <summary>One pin of a board: what it can do. Immutable.</summary>
    public sealed class PinDescription
    {
        /// <summary>The <see cref="AdcChannel"/> of a pin without an ADC channel (the board description's marker; CAPS sends <see cref="WireMarkers.CapsNoAdcChannel"/> on the wire).</summary>
        public const int AdcChannelNone = -1;

        /// <summary>Describes pin <paramref name="number"/>, not reserved.</summary>
        /// <param name="number">GPIO number.</param>
        /// <param name="capabilities">What it can do.</param>
        /// <param name="adcChannel">Its ADC channel or <see cref="AdcChannelNone"/>.</param>
        public PinDescription(int number, PinCapabilities capabilities, int adcChannel)
            : this(number, capabilities, adcChannel, PinReservation.None)
        {
        }

        /// <summary>Describes pin <paramref name="number"/>.</summary>
        /// <param name="number">GPIO number.</param>
        /// <param name="capabilities">What it can do.</param>
        /// <param name="adcChannel">Its ADC channel or <see cref="AdcChannelNone"/>.</param>
        /// <param name="reservation">Why clients may not use it (<see cref="PinReservation.None"/> when they may).</param>
        public PinDescription(int number, PinCapabilities capabilities, int adcChannel, PinReservation reservation)
        {
            Number = number;
            Capabilities = capabilities;
            AdcChannel = adcChannel;
            Reservation = reservation;
        }

        /// <summary>GPIO number.</summary>
        public int Number { get; }

        /// <summary>What the pin can do.</summary>
        public PinCapabilities Capabilities { get; }

        /// <summary>ADC channel, or <see cref="AdcChannelNone"/>.</summary>
        public int AdcChannel { get; }

        /// <summary>Why clients may not use the pin, shown in CAPS; <see cref="PinReservation.None"/> when they may.</summary>
        public PinReservation Reservation { get; }

        /// <summary>True when every command on the pin is refused.</summary>
        public bool IsReserved => (Capabilities & PinCapabilities.Reserved) != 0;

        /// <summary>True when the pin has all of <paramref name="required"/>.</summary>
        /// <param name="required">Capabilities to test.</param>
        /// <returns>Whether all are present.</returns>
        public bool Has(PinCapabilities required) => (Capabilities & required) == required;
    }
}
