using System;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Cli.Simulation
{
    /// <summary>One thing <c>tlvctl serve</c> does to its virtual board's outside world, through the board's own
    /// simulation hooks (<see cref="VirtualBoard.DriveInput"/>, <see cref="VirtualBoard.SetAnalogMillivolts"/>,
    /// <see cref="VirtualBoard.SetEnvironment"/>). Checked against the board when parsed (<see cref="SimulationParser"/>).</summary>
    internal abstract class SimulationAction
    {
        /// <summary>How long the action takes: zero, except for an ADC ramp.</summary>
        public virtual TimeSpan Duration => TimeSpan.Zero;

        /// <summary>Applies the action as it stands <paramref name="elapsed"/> after it began (0..<see cref="Duration"/>).</summary>
        /// <param name="board">The board.</param>
        /// <param name="elapsed">Time since the action began.</param>
        public abstract void Apply(VirtualBoard board, TimeSpan elapsed);

        /// <summary>The action in the script language, for the log.</summary>
        /// <returns>E.g. "input 4 high".</returns>
        public abstract override string ToString();
    }
}
