namespace NanoTlv.Messages
{
    /// <summary>Byte values that mean "none" in a request argument or a reply field.</summary>
    public static class WireMarkers
    {
        /// <summary>FAILSAFE level meaning "no failsafe for this pin" (also what the firmware stores for such a pin).</summary>
        public const byte FailsafeClear = 0xFF;

        /// <summary>ADC channel byte of a CAPS pin entry meaning "this pin has no ADC channel" (the board description
        /// says it with -1; <see cref="StatusCode.NoAdcChannel"/> is the status of an ANALOG_READ on such a pin).</summary>
        public const byte CapsNoAdcChannel = 0xFF;
    }
}
