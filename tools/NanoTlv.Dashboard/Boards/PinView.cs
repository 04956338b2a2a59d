using System.Collections.Generic;

namespace NanoTlv.Dashboard.Boards
{
    /// <summary>One pin as the page shows it.</summary>
    /// <param name="Board">Board id.</param>
    /// <param name="Pin">GPIO number.</param>
    /// <param name="Capabilities">Capability names from CAPS (DigitalInput, Pwm, ...).</param>
    /// <param name="Mode">Mode the dashboard set (a <see cref="Messages.PinMode"/> name or "Pwm"), or null when it set none.</param>
    /// <param name="High">Last known level, or null when unknown.</param>
    /// <param name="PwmDutyPercent">PWM duty while PWM runs, else null.</param>
    public sealed record PinView(int Board, int Pin, IReadOnlyList<string> Capabilities, string? Mode, bool? High, double? PwmDutyPercent);
}
