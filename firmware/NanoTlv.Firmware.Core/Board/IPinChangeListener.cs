namespace NanoTlv.Firmware.Board
{
    /// <summary>Receives input changes from an <see cref="IDigitalPins"/> driver.</summary>
    public interface IPinChangeListener
    {
        /// <summary>Called on the driver's thread when an input pin changes level.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="high">The new level.</param>
        /// <param name="timestampMs">Board uptime in milliseconds when the change was seen.</param>
        void OnPinChanged(int pin, bool high, long timestampMs);
    }
}
