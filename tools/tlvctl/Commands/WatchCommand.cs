using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl watch</c>: subscribe to inputs and stream their changes.</summary>
    internal static class WatchCommand
    {
        /// <summary>Well below the device's default idle timeout (60 s), so one lost PING does not end the watch.</summary>
        private const double DefaultKeepAliveSeconds = 20;
        private const double MaxKeepAliveSeconds = 86400;

        private static readonly string[] EdgeNames = { "rising", "falling", "both" };
        private static readonly string[] InputModeNames = { "input", "input-pullup", "input-pulldown" };

        public static Command Create(CliIo io, GlobalOptions globals)
        {
            Argument<int[]> pins = CliArguments.Pins();
            var edges = new Option<string>("--edges") { Description = "Which changes to report", DefaultValueFactory = _ => "both" };
            edges.AcceptOnlyFromAmong(EdgeNames);
            var debounce = new Option<int>("--debounce") { Description = "Debounce time in milliseconds (0..65535)", HelpName = "ms" };
            NumberParsers.Int(debounce, 0, ushort.MaxValue);
            var mode = new Option<string?>("--mode") { Description = "Set this input mode on the pins first" };
            mode.AcceptOnlyFromAmong(InputModeNames);
            var count = new Option<int?>("--count", "-n") { Description = "Stop after this many changes" };
            var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds", HelpName = "s" };
            var keepAlive = new Option<double>("--keepalive")
            {
                Description = "Seconds between PINGs that keep the connection from the device's idle timeout (60 s by default); 0 = none",
                HelpName = "s",
                DefaultValueFactory = _ => DefaultKeepAliveSeconds,
            };
            NumberParsers.Double(keepAlive, 0, MaxKeepAliveSeconds);
            var command = new Command("watch", "Stream input changes until Ctrl+C (or --count / --duration)") { pins, edges, debounce, mode, count, duration, keepAlive };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int[] numbers = context.ParseResult.GetValue(pins)!;
                int? stopAfter = context.ParseResult.GetValue(count);
                double? seconds = context.ParseResult.GetValue(duration);
                if (stopAfter is < 1 || seconds is <= 0)
                {
                    throw new UsageException("--count and --duration must be positive.");
                }

                PinEdges selected = ParseEdges(context.ParseResult.GetValue(edges)!);
                int debounceMs = context.ParseResult.GetValue(debounce);
                if (context.ParseResult.GetValue(mode) is string modeName)
                {
                    foreach (int pin in numbers)
                    {
                        await client.SetPinModeAsync(pin, ValueParsers.ParsePinMode(modeName), null, cancellationToken).ConfigureAwait(false);
                    }
                }

                foreach (int pin in numbers)
                {
                    await client.SubscribeAsync(pin, selected, debounceMs, null, cancellationToken).ConfigureAwait(false);
                }

                context.Report(
                    new { @event = "subscribed", pins = numbers, edges = selected.ToString().ToLowerInvariant(), debounceMs },
                    "watching pin" + (numbers.Length > 1 ? "s " : " ") + string.Join(", ", numbers) + " (" + selected.ToString().ToLowerInvariant() + " edges); Ctrl+C stops");
                return await StreamAsync(context, client, stopAfter, seconds, cancellationToken).ConfigureAwait(false);
            }, context =>
            {
                double keepAliveSeconds = context.ParseResult.GetValue(keepAlive);
                context.KeepAliveInterval = keepAliveSeconds > 0 ? TimeSpan.FromSeconds(keepAliveSeconds) : null;
            });
            return command;
        }

        private static async Task<int> StreamAsync(CommandContext context, TlvClient client, int? stopAfter, double? seconds, CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (seconds is double limit)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(limit));
            }

            int seen = 0;
            try
            {
                await foreach (DeviceEvent deviceEvent in client.Events(stop.Token).ConfigureAwait(false))
                {
                    switch (deviceEvent)
                    {
                        case PinChangedEvent change:
                            seen++;
                            context.Report(
                                new { @event = "pinChanged", pin = change.Pin, level = change.High ? 1 : 0, deviceTimestampMs = change.DeviceTimestampMs, receivedAt = change.ReceivedAt },
                                change.ReceivedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + "  pin " + change.Pin + " -> " + (change.High ? 1 : 0)
                                    + (change.High ? " (rising)" : " (falling)") + "  device time " + change.DeviceTimestampMs + " ms");
                            break;
                        case ConnectionLostEvent lost:
                            throw new DeviceConnectionException("Connection lost while watching: " + lost.Reason + ".");
                        default:
                            context.Report(new { @event = "other", description = deviceEvent.ToString() }, "note: " + deviceEvent);
                            break;
                    }

                    if (stopAfter is int wanted && seen >= wanted)
                    {
                        return ExitCodes.Ok;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // --duration elapsed or Ctrl+C: the normal way to stop watching.
            }

            if (!context.Json)
            {
                context.WriteLine(seen + " change" + (seen == 1 ? string.Empty : "s") + " seen");
            }

            return ExitCodes.Ok;
        }

        private static PinEdges ParseEdges(string name) => name switch
        {
            "rising" => PinEdges.Rising,
            "falling" => PinEdges.Falling,
            _ => PinEdges.Both,
        };
    }
}
