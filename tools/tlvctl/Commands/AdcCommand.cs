using System.CommandLine;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl adc read</c>.</summary>
    internal static class AdcCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            Argument<int> pin = CliArguments.Pin("GPIO number with an ADC channel");
            var read = new Command("read", "Read a pin's ADC channel: raw value, resolution and millivolts") { pin };
            CommandRunner.SetDeviceAction(read, io, globals, async (context, client, cancellationToken) =>
            {
                int number = context.ParseResult.GetValue(pin);
                AnalogReading reading = await client.AnalogReadAsync(number, null, cancellationToken).ConfigureAwait(false);
                context.Report(
                    new { pin = number, raw = reading.Raw, resolutionBits = reading.ResolutionBits, millivolts = reading.Millivolts },
                    "pin " + number + ": " + reading.Raw + " (" + reading.ResolutionBits + "-bit) = " + reading.Millivolts + " mV");
                return ExitCodes.Ok;
            });
            return new Command("adc", "Analog inputs") { read };
        }
    }
}
