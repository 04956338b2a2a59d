using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Harness;
using NanoTlv.Cli.Output;
using NanoTlv.Cli.Parsing;
using Spectre.Console;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl harness</c>: the chunking test harness.</summary>
    internal static class HarnessCommand
    {
        private const int DefaultFrames = 200;
        private const int DefaultChunkBytes = 7;
        private const int DefaultMaxPingBytes = 200;

        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var frames = new Option<int>("--frames") { Description = "PING requests per strategy", DefaultValueFactory = _ => DefaultFrames };
            NumberParsers.Int(frames, 1, 1_000_000);
            var strategy = new Option<string>("--strategy")
            {
                Description = "all, or a comma-separated list of: " + string.Join(", ", HarnessStrategies.Names),
                DefaultValueFactory = _ => "all",
            };
            strategy.Validators.Add(result =>
            {
                try
                {
                    HarnessStrategies.Parse(result.GetValueOrDefault<string>() ?? string.Empty);
                }
                catch (FormatException ex)
                {
                    result.AddError(ex.Message);
                }
            });
            var seed = new Option<int?>("--seed") { Description = "Seed of every random choice (default: random, printed) to reproduce a run" };
            var chunk = new Option<int>("--chunk") { Description = "Write size of the fixed strategy", HelpName = "bytes", DefaultValueFactory = _ => DefaultChunkBytes };
            NumberParsers.Int(chunk, 1, ushort.MaxValue);
            var delay = new Option<int>("--delay-ms") { Description = "Pause after every write so chunks travel as separate TCP segments", HelpName = "ms" };
            NumberParsers.Int(delay, 0, 10_000);
            var maxPing = new Option<int>("--max-ping-bytes") { Description = "Largest random PING payload (capped by the device's limit)", HelpName = "bytes", DefaultValueFactory = _ => DefaultMaxPingBytes };
            NumberParsers.Int(maxPing, 0, ushort.MaxValue);
            var command = new Command(
                "harness",
                "Send PING frames in every chunking TCP can produce (whole, 1-byte, random, fixed, header split, bursts) plus garbage, "
                + "oversized and empty frames; check every reply and FRAMING_ERROR event. Exit 4 on any mismatch.")
            {
                frames, strategy, seed, chunk, delay, maxPing,
            };
            CommandRunner.SetAction(command, io, globals, async (context, cancellationToken) =>
            {
                DeviceAddress device = await context.ResolveDeviceAsync(cancellationToken).ConfigureAwait(false);
                var options = new HarnessOptions
                {
                    Host = device.Host,
                    Port = device.Port,
                    FramesPerStrategy = context.ParseResult.GetValue(frames),
                    Strategies = HarnessStrategies.Parse(context.ParseResult.GetValue(strategy)!),
                    Seed = context.ParseResult.GetValue(seed) ?? Random.Shared.Next(),
                    ChunkBytes = context.ParseResult.GetValue(chunk),
                    DelayMs = context.ParseResult.GetValue(delay),
                    MaxPingBytes = context.ParseResult.GetValue(maxPing),
                    ReplyTimeout = context.Timeout,
                    ConnectTimeout = context.Timeout,
                };
                HarnessReport report = await RunAsync(context, options, cancellationToken).ConfigureAwait(false);
                HarnessReportView.Write(context, report);
                return report.Passed ? ExitCodes.Ok : ExitCodes.HarnessMismatch;
            }, GlobalOptionSet.Device | GlobalOptionSet.Timeout | GlobalOptionSet.Json);
            return command;
        }

        /// <summary>Runs the harness with a progress bar when the output is a terminal.</summary>
        public static async Task<HarnessReport> RunAsync(CommandContext context, HarnessOptions options, CancellationToken cancellationToken)
        {
            if (!context.ShowProgress)
            {
                return await ChunkingHarness.RunAsync(options, null, cancellationToken).ConfigureAwait(false);
            }

            return await context.Console.Progress().AutoClear(true).StartAsync(async progressContext =>
            {
                ProgressTask task = progressContext.AddTask("harness", maxValue: options.FramesPerStrategy * options.Strategies.Count);
                var progress = new ActionProgress<HarnessProgress>(update =>
                {
                    task.Description = update.Strategy;
                    task.Value = update.Verified;
                });
                HarnessReport report = await ChunkingHarness.RunAsync(options, progress, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return report;
            }).ConfigureAwait(false);
        }
    }
}
