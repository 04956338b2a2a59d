using System.CommandLine;
using NanoTlv.Cli.Parsing;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl gpio mode|write|read|toggle|pulse</c>.</summary>
    internal static class GpioCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            return new Command("gpio", "Digital pins: set modes, write, read, toggle, pulse")
            {
                Mode(io, globals),
                Write(io, globals),
                Read(io, globals),
                Toggle(io, globals),
                Pulse(io, globals),
            };
        }

        private static Command Mode(CliIo io, GlobalOptions globals)
        {
            Argument<int> pin = CliArguments.Pin();
            var mode = new Argument<string>("mode") { Description = "Pin mode" };
            mode.AcceptOnlyFromAmong(ValueParsers.PinModeNames);
            var command = new Command("mode", "Set a pin's mode") { pin, mode };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int number = context.ParseResult.GetValue(pin);
                PinMode parsed = ValueParsers.ParsePinMode(context.ParseResult.GetValue(mode)!);
                await client.SetPinModeAsync(number, parsed, null, cancellationToken).ConfigureAwait(false);
                context.Report(new { pin = number, mode = ValueParsers.NameOf(parsed) }, "pin " + number + ": mode " + ValueParsers.NameOf(parsed));
                return ExitCodes.Ok;
            });
            return command;
        }

        private static Command Write(CliIo io, GlobalOptions globals)
        {
            Argument<int> pin = CliArguments.Pin("GPIO number of an output");
            Argument<bool> level = CliArguments.Level();
            var command = new Command("write", "Drive an output pin low (0) or high (1)") { pin, level };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int number = context.ParseResult.GetValue(pin);
                bool high = context.ParseResult.GetValue(level);
                await client.DigitalWriteAsync(number, high, null, cancellationToken).ConfigureAwait(false);
                context.Report(new { pin = number, level = Bit(high) }, "pin " + number + " <- " + Bit(high));
                return ExitCodes.Ok;
            });
            return command;
        }

        private static Command Read(CliIo io, GlobalOptions globals)
        {
            Argument<int> pin = CliArguments.Pin();
            var command = new Command("read", "Read a pin's level") { pin };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int number = context.ParseResult.GetValue(pin);
                bool high = await client.DigitalReadAsync(number, null, cancellationToken).ConfigureAwait(false);
                context.Report(new { pin = number, level = Bit(high) }, "pin " + number + " = " + Bit(high));
                return ExitCodes.Ok;
            });
            return command;
        }

        private static Command Toggle(CliIo io, GlobalOptions globals)
        {
            Argument<int> pin = CliArguments.Pin("GPIO number of an output");
            var command = new Command("toggle", "Invert an output pin and print its new level") { pin };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int number = context.ParseResult.GetValue(pin);
                bool high = await client.DigitalToggleAsync(number, null, cancellationToken).ConfigureAwait(false);
                context.Report(new { pin = number, level = Bit(high) }, "pin " + number + " toggled to " + Bit(high));
                return ExitCodes.Ok;
            });
            return command;
        }

        private static Command Pulse(CliIo io, GlobalOptions globals)
        {
            Argument<int> pin = CliArguments.Pin("GPIO number of an output");
            Argument<bool> level = CliArguments.Level("level", "Pulse level: 0 or low, 1 or high");
            Argument<int> duration = CliArguments.Count("ms", "Pulse length in milliseconds (1..3600000)", 1, ProtocolLimits.MaxPulseMs);
            var command = new Command("pulse", "Drive a level for a time, then restore the previous level (the device times it)") { pin, level, duration };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int number = context.ParseResult.GetValue(pin);
                bool high = context.ParseResult.GetValue(level);
                int ms = context.ParseResult.GetValue(duration);
                await client.PulseAsync(number, high, ms, null, cancellationToken).ConfigureAwait(false);
                context.Report(new { pin = number, level = Bit(high), durationMs = ms }, "pin " + number + " pulsed to " + Bit(high) + " for " + ms + " ms");
                return ExitCodes.Ok;
            });
            return command;
        }

        private static int Bit(bool high) => high ? 1 : 0;
    }
}
