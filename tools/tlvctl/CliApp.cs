using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Commands;
using NanoTlv.Cli.Output;
using NanoTlv.Cli.Parsing;

namespace NanoTlv.Cli
{
    /// <summary>tlvctl's entry point, callable in-process: builds the command tree, parses, runs, returns the exit code.</summary>
    public static class CliApp
    {
        /// <summary>Runs tlvctl with <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.
        /// No environment variables are read and Ctrl+C is not hooked (for tests and embedding).</summary>
        /// <param name="args">Command-line arguments.</param>
        /// <param name="output">Standard output.</param>
        /// <param name="error">Standard error.</param>
        /// <param name="cancellationToken">Stops long-running commands (watch, serve, harness) as Ctrl+C would.</param>
        /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
        public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
            RunAsync(args, CliIo.ForWriters(output, error), cancellationToken);

        /// <summary>Runs tlvctl with explicit I/O settings.</summary>
        /// <param name="args">Command-line arguments.</param>
        /// <param name="io">Writers, terminal and environment.</param>
        /// <param name="cancellationToken">Stops long-running commands as Ctrl+C would.</param>
        /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
        public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(args);
            ArgumentNullException.ThrowIfNull(io);
            RootCommand root = BuildRoot(io);
            ParseResult parseResult = root.Parse(HelpAsOption(args));
            if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
            {
                var messages = new List<string>();
                foreach (ParseError parseError in parseResult.Errors)
                {
                    messages.Add(parseError.Message);
                    await io.Error.WriteLineAsync("error: " + parseError.Message).ConfigureAwait(false);
                }

                await io.Error.WriteLineAsync("Run 'tlvctl " + CommandPath(parseResult.CommandResult) + "--help' for usage.").ConfigureAwait(false);
                if (Array.IndexOf(args, "--json") >= 0)
                {
                    await io.Output.WriteLineAsync(JsonOutput.Serialize(new
                    {
                        error = new { kind = "usage", status = (string?)null, message = string.Join(" ", messages), exitCode = ExitCodes.UsageError },
                    })).ConfigureAwait(false);
                }

                return ExitCodes.UsageError;
            }

            var invocation = new InvocationConfiguration
            {
                Output = io.Output,
                Error = io.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = io.HandleProcessTermination ? TimeSpan.FromSeconds(2) : null,
            };
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        private static RootCommand BuildRoot(CliIo io)
        {
            var globals = new GlobalOptions();
            var root = new RootCommand(
                "tlvctl: control NanoTlv devices (ESP32 with .NET nanoFramework) over TCP, test their framing, run a virtual device.\n"
                + "Device: --device host:port or a board name/id found by discovery, default $" + GlobalOptions.DeviceVariable + ", else " + DeviceAddress.DefaultText + ". "
                + "Token: --token or $" + GlobalOptions.TokenVariable + ".\n"
                + ExitCodes.HelpText + "\n"
                + "First run: tlvctl demo");
            globals.AddTo(root);
            root.Add(HelloCommand.Create(io, globals));
            root.Add(InfoCommand.Create(io, globals));
            root.Add(CapsCommand.Create(io, globals));
            root.Add(PingCommand.Create(io, globals));
            root.Add(GpioCommand.Create(io, globals));
            root.Add(WatchCommand.Create(io, globals));
            root.Add(AdcCommand.Create(io, globals));
            root.Add(PwmCommand.Create(io, globals));
            root.Add(I2cCommand.Create(io, globals));
            root.Add(SensorCommand.Create(io, globals));
            root.Add(FailsafeCommand.Create(io, globals));
            root.Add(HarnessCommand.Create(io, globals));
            root.Add(DiscoverCommand.Create(io, globals));
            root.Add(ServeCommand.Create(io, globals));
            root.Add(DemoCommand.Create(io, globals));
            root.Add(BridgeCommand.Create(io, globals));
            root.Add(DashboardCommand.Create(io, globals));
            NumberParsers.InstallOn(root);
            return root;
        }

        /// <summary>"tlvctl help [command...]" is "tlvctl [command...] --help".</summary>
        private static string[] HelpAsOption(string[] args) =>
            args.Length > 0 && args[0] == "help" ? [.. args[1..], "--help"] : args;

        private static string CommandPath(CommandResult result)
        {
            string path = string.Empty;
            for (CommandResult? current = result; current?.Parent is CommandResult parent; current = parent)
            {
                path = current.Command.Name + " " + path;
            }

            return path;
        }
    }
}
