namespace NanoTlv.Client
{
    /// <summary>One ADC reading.</summary>
    /// <param name="Raw">Raw converter value, 0..2^<paramref name="ResolutionBits"/>-1.</param>
    /// <param name="ResolutionBits">Bits of the converter.</param>
    /// <param name="Millivolts">The device's conversion of the raw value to millivolts.</param>
    public sealed record AnalogReading(int Raw, int ResolutionBits, int Millivolts)
    {
        /// <summary>The reading as a fraction of full scale, 0..1.</summary>
        public double Fraction => ResolutionBits <= 0 ? 0 : Raw / (double)((1 << ResolutionBits) - 1);
    }
}
