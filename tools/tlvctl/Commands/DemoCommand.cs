using System;
using System.CommandLine;
using NanoTlv.Cli.Demo;
using NanoTlv.Cli.Parsing;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl demo</c>: the end-to-end walk-through on an in-process virtual device.</summary>
    internal static class DemoCommand
    {
        private const int DefaultHarnessFrames = 20;

        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var frames = new Option<int>("--frames") { Description = "PING frames per harness strategy", DefaultValueFactory = _ => DefaultHarnessFrames };
            NumberParsers.Int(frames, 1, 100_000);
            var seed = new Option<int?>("--seed") { Description = "Harness seed (default: random, printed)" };
            var command = new Command(
                "demo",
                "Start a virtual device on a free loopback port and walk through hello, caps, blink, ADC, BME280, input events, PWM "
                + "and a short harness run, checking each step against the virtual board")
            {
                frames, seed,
            };
            CommandRunner.SetAction(command, io, globals, (context, cancellationToken) =>
                new DemoRunner(context, context.ParseResult.GetValue(frames), context.ParseResult.GetValue(seed) ?? Random.Shared.Next()).RunAsync(cancellationToken),
                GlobalOptionSet.Timeout | GlobalOptionSet.Json);
            return command;
        }
    }
}
