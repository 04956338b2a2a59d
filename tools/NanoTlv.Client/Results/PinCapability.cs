using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>One pin of the device's CAPS list.</summary>
    /// <param name="Pin">GPIO number.</param>
    /// <param name="Capabilities">What the pin can do.</param>
    /// <param name="AdcChannel">Its ADC channel, or null when it has none.</param>
    /// <param name="Reservation">Why the device refuses the pin (<see cref="PinReservation.None"/> when it does not).</param>
    public sealed record PinCapability(int Pin, PinCapabilities Capabilities, int? AdcChannel, PinReservation Reservation)
    {
        /// <summary>True when the device refuses every command on the pin (<see cref="StatusCode.PinReserved"/>).</summary>
        public bool IsReserved => Reservation != PinReservation.None;

        /// <summary>True when the pin has all of <paramref name="required"/>.</summary>
        /// <param name="required">Capabilities to test.</param>
        /// <returns>Whether all are present.</returns>
        public bool Has(PinCapabilities required) => (Capabilities & required) == required;
    }
}
