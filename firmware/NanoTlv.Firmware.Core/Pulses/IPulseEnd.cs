namespace NanoTlv.Firmware.Pulses
{
    /// <summary>What happens when a pulse's time is up (implemented by the pin service, which drives the pin).</summary>
    internal interface IPulseEnd
    {
        /// <summary>Drives the pin back to the level it had before the pulse. Called on the scheduler's timer
        /// thread with the pin lock held.</summary>
        /// <param name="pin">The pin whose pulse ended.</param>
        /// <param name="high">The level to restore.</param>
        void EndPulse(int pin, bool high);
    }
}
