namespace NanoTlv.Dashboard.Boards
{
    /// <summary>The last reading of one ADC pin.</summary>
    /// <param name="Pin">GPIO number.</param>
    /// <param name="Raw">Raw converter value.</param>
    /// <param name="Millivolts">The device's conversion to millivolts.</param>
    public sealed record AdcView(int Pin, int Raw, int Millivolts);
}
