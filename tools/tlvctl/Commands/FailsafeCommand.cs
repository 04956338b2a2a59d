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
            var level = new Argument<string>("level") { Description = "0/low or 1/high: level applied when the controlling connection closes or idles out; clear: none", HelpName = "0|1|low|high|clear" };
            level.AcceptOnlyFromAmong("0", "1", "low", "high", "clear");
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
                    ValueParsers.TryParseLevel(value, out bool high);
                    string bit = high ? "1" : "0";
                    await client.SetFailsafeAsync(number, high, null, cancellationToken).ConfigureAwait(false);
                    context.Report(new { pin = number, failsafe = bit }, "pin " + number + ": failsafe level " + bit + " (applied when this connection closes or idles out)");
                }

                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
