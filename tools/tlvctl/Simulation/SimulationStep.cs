using System;

namespace NanoTlv.Cli.Simulation
{
    /// <summary>An action with its timing: once at <paramref name="At"/> after the simulation (or the prompt line)
    /// started, and again every <paramref name="Every"/> when that is set.</summary>
    /// <param name="At">When it first runs.</param>
    /// <param name="Every">The period of repetition; null to run once.</param>
    /// <param name="Action">What it does.</param>
    /// <param name="Source">Where it was written, for the log and errors ("sim.txt line 3", "--adc 34=1650mV").</param>
    internal sealed record SimulationStep(TimeSpan At, TimeSpan? Every, SimulationAction Action, string Source)
    {
        /// <summary>The step in the script language.</summary>
        /// <returns>E.g. "every 500ms toggle 4".</returns>
        public override string ToString() =>
            (Every is TimeSpan every ? "every " + SimulationValues.FormatTime(every) + " " : At > TimeSpan.Zero ? "at " + SimulationValues.FormatTime(At) + " " : string.Empty)
            + Action;
    }
}
