namespace NanoTlv.VirtualDevice
{
    /// <summary>What a virtual PWM output is doing.</summary>
    /// <param name="IsRunning">True between Start and Stop.</param>
    /// <param name="FrequencyHz">Last frequency set (kept after Stop; 0 when never started).</param>
    /// <param name="DutyTenThousandths">Last duty set, 0..10000 (kept after Stop).</param>
    public readonly record struct PwmState(bool IsRunning, int FrequencyHz, int DutyTenThousandths);
}
