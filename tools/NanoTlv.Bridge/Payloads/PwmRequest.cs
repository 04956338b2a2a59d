namespace NanoTlv.Bridge
{
    /// <summary>What a <c>set/pwm/&lt;pin&gt;</c> payload asks for: stop, or run at a frequency and duty.</summary>
    /// <param name="Stop">True to stop the output.</param>
    /// <param name="FrequencyHz">Frequency when running.</param>
    /// <param name="DutyPercent">Duty 0..100 % when running.</param>
    public sealed record PwmRequest(bool Stop, int FrequencyHz, double DutyPercent);
}
