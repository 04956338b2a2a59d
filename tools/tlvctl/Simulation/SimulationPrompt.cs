using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Cli.Simulation
{
    /// <summary><c>tlvctl serve --prompt</c>: reads simulation commands from standard input, one per line, and runs
    /// each at once (its times count from the line); a bad line is reported and the prompt carries on.</summary>
    internal static class SimulationPrompt
    {
        /// <summary>Reads <paramref name="input"/> until it ends or <paramref name="cancellationToken"/> fires.</summary>
        /// <param name="input">Standard input.</param>
        /// <param name="output">Where help goes.</param>
        /// <param name="error">Where errors go.</param>
        /// <param name="parser">Checks lines against the board.</param>
        /// <param name="runner">Runs them.</param>
        /// <param name="cancellationToken">Stops reading.</param>
        /// <returns>When the input ended or serve stops.</returns>
        public static async Task RunAsync(TextReader input, TextWriter output, TextWriter error, SimulationParser parser, SimulationRunner runner, CancellationToken cancellationToken)
        {
            int number = 0;
            while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is string line)
            {
                number++;
                if (line.Trim().Equals("help", StringComparison.OrdinalIgnoreCase))
                {
                    await output.WriteLineAsync(SimulationLanguage.Help).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    if (parser.ParseLine(line, "prompt line " + number) is SimulationStep step)
                    {
                        runner.Start(step);
                    }
                }
                catch (UsageException ex)
                {
                    await error.WriteLineAsync("error: " + ex.Message + " Type 'help' for the commands.").ConfigureAwait(false);
                }
            }
        }
    }
}
