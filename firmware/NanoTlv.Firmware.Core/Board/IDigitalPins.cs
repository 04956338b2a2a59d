namespace NanoTlv.Firmware.Board
{
    /// <summary>
    /// The board's GPIO driver. The firmware core validates pins and modes against the
    /// <see cref="BoardDescription"/> before calling it, so implementations only touch hardware.
    /// </summary>
    public interface IDigitalPins
    {
        /// <summary>Puts <paramref name="pin"/> in <paramref name="mode"/> (opening it on first use).</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="mode">The mode.</param>
        void SetMode(int pin, GpioMode mode);

        /// <summary>Drives an output pin.</summary>
        /// <param name="pin">GPIO number, already in an output mode.</param>
        /// <param name="high">True for high.</param>
        void Write(int pin, bool high);

        /// <summary>Reads a pin's level (inputs read the line, outputs the driven level).</summary>
        /// <param name="pin">GPIO number, already opened by <see cref="SetMode"/>.</param>
        /// <returns>True when high.</returns>
        bool Read(int pin);

        /// <summary>Starts reporting changes of an input pin to <paramref name="listener"/>, both edges,
        /// after <paramref name="debounceMs"/> of stable level (0 = no debounce).</summary>
        /// <param name="pin">GPIO number in an input mode.</param>
        /// <param name="debounceMs">Debounce time in milliseconds.</param>
        /// <param name="listener">Called from the driver's thread for every change.</param>
        void StartChangeEvents(int pin, int debounceMs, IPinChangeListener listener);

        /// <summary>Stops reporting changes of <paramref name="pin"/>. No effect when not reporting.</summary>
        /// <param name="pin">GPIO number.</param>
        void StopChangeEvents(int pin);
    }
}
