using System.CommandLine;
using NanoTlv.Cli.Parsing;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl failsafe &lt;pin&gt; &lt;0|1|clear&gt;</c>.</summary>
    internal static class FailsafeCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            Argument<int> pin = CliArguments.Pin("GPIO number of an output");
            var level = new Argument<string>("level") { Description = "0 or 1: level applied when the controlling connection closes or idles out; clear: none", HelpName = "0|1|clear" };
            level.AcceptOnlyFromAmong("0", "1", "clear");
            var command = new Command("failsafe", "Set or clear a pin's failsafe level") { pin, level };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int number = context.ParseResult.GetValue(pin);
                string value = context.ParseResult.GetValue(level)!;
                if (value == "clear")
                {
                    await client.ClearFailsafeAsync(number, null, cancellationToken).ConfigureAwait(false);
                    context.Report(new { pin = number, failsafe = "clear" }, "pin " + number + ": failsafe cleared");
                }
                else
                {
                    await client.SetFailsafeAsync(number, value == "1", null, cancellationToken).ConfigureAwait(false);
                    context.Report(new { pin = number, failsafe = value }, "pin " + number + ": failsafe level " + value + " (applied when this connection closes or idles out)");
                }

                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
