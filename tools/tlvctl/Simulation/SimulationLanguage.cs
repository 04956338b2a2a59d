namespace NanoTlv.Cli.Simulation
{
    /// <summary>The simulation language in a few lines, for the prompt's <c>help</c> and for errors. README
    /// (tools/tlvctl/README.md, "Simulating inputs, ADC and BME280") has the full description.</summary>
    internal static class SimulationLanguage
    {
        /// <summary>The commands on one line.</summary>
        public const string Summary = "input PIN high|low|release, toggle PIN, adc PIN VOLTAGE, adc PIN ramp FROM..TO over TIME, bme280 temp=C,humidity=%,pressure=hPa";

        /// <summary>The whole language.</summary>
        public const string Help =
            "Simulation commands (one per line; '#' starts a comment):\n"
            + "  input PIN high|low|release     drive an input line, or let it return to its pull\n"
            + "  toggle PIN                     drive an input line to the opposite of its level\n"
            + "  adc PIN VOLTAGE                the voltage on an ADC pin: 1650mV, 1.65V or 1650 (mV)\n"
            + "  adc PIN ramp FROM..TO over TIME  move it linearly, e.g. adc 34 ramp 0..3100mV over 10s\n"
            + "  bme280 temp=C,humidity=%,pressure=hPa  what the BME280 measures (any of the three)\n"
            + "Timing (before a command): at TIME (once, TIME after the start), every TIME (repeated).\n"
            + "  TIME is 500ms, 2s, 1.5s or 1min; in the prompt it counts from the line, in a script from the start.\n"
            + "  e.g. at 1s input 4 high | every 500ms toggle 4\n"
            + "help prints this.";
    }
}
