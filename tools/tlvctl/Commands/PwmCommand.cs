using System.CommandLine;
using System.Globalization;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl pwm set|stop</c>.</summary>
    internal static class PwmCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals) =>
            new Command("pwm", "PWM outputs") { Set(io, globals), Stop(io, globals) };

        private static Command Set(CliIo io, GlobalOptions globals)
        {
            Argument<int> pin = CliArguments.Pin("GPIO number with a PWM channel");
            var frequency = new Option<int>("--frequency", "-f") { Description = "Frequency in hertz, 1..40000000 (the ESP32 LEDC's top)", HelpName = "Hz", Required = true };
            NumberParsers.Int(frequency, 1, ProtocolLimits.MaxPwmFrequencyHz);
            var duty = new Option<double>("--duty") { Description = "Duty cycle in percent, 0..100 (sent in hundredths of a percent)", HelpName = "%", Required = true };
            NumberParsers.Double(duty, 0, 100, "--duty must be 0..100 %; got {0}.");
            var command = new Command("set", "Start or update PWM on a pin") { pin, frequency, duty };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int number = context.ParseResult.GetValue(pin);
                int hz = context.ParseResult.GetValue(frequency);
                double percent = context.ParseResult.GetValue(duty);
                await client.PwmSetAsync(number, hz, percent, null, cancellationToken).ConfigureAwait(false);
                ushort wire = TlvClient.DutyToWire(percent);
                context.Report(
                    new { pin = number, frequencyHz = hz, dutyPercent = wire / 100.0, dutyTenThousandths = wire },
                    "pin " + number + ": PWM " + hz + " Hz, duty " + (wire / 100.0).ToString("0.00", CultureInfo.InvariantCulture) + " %");
                return ExitCodes.Ok;
            });
            return command;
        }

        private static Command Stop(CliIo io, GlobalOptions globals)
        {
            Argument<int> pin = CliArguments.Pin();
            var command = new Command("stop", "Stop PWM on a pin") { pin };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int number = context.ParseResult.GetValue(pin);
                await client.PwmStopAsync(number, null, cancellationToken).ConfigureAwait(false);
                context.Report(new { pin = number, stopped = true }, "pin " + number + ": PWM stopped");
                return ExitCodes.Ok;
            });
            return command;
        }
    }
}
