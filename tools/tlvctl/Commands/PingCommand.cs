using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using NanoTlv.Cli.Parsing;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl ping</c>: echo round trips with random payloads.</summary>
    internal static class PingCommand
    {
        private const int DefaultCount = 4;
        private const int DefaultSizeBytes = 32;
        private const int MaxCount = 1_000_000;

        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var count = new Option<int>("--count", "-c") { Description = "Pings to send", DefaultValueFactory = _ => DefaultCount };
            NumberParsers.Int(count, 1, MaxCount);
            var size = new Option<int>("--size", "-s") { Description = "Payload bytes per ping (random content, echo checked)", HelpName = "bytes", DefaultValueFactory = _ => DefaultSizeBytes };
            NumberParsers.Int(size, 0, ushort.MaxValue);
            var command = new Command("ping", "Send PING requests and print the round-trip latency") { count, size };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int pings = context.ParseResult.GetValue(count);
                int bytes = context.ParseResult.GetValue(size);
                var roundTrips = new double[pings];
                for (int i = 0; i < pings; i++)
                {
                    TimeSpan elapsed = await client.PingAsync(RandomNumberGenerator.GetBytes(bytes), null, cancellationToken).ConfigureAwait(false);
                    roundTrips[i] = elapsed.TotalMilliseconds;
                    if (!context.Json)
                    {
                        context.WriteLine("reply from " + context.DeviceText + ": seq=" + (i + 1) + " bytes=" + bytes + " time=" + Ms(roundTrips[i]) + " ms");
                    }
                }

                context.Report(
                    new { device = context.DeviceText, count = pings, sizeBytes = bytes, roundTripMs = roundTrips, minMs = roundTrips.Min(), avgMs = roundTrips.Average(), maxMs = roundTrips.Max() },
                    pings + " sent, " + pings + " echoed intact; min/avg/max = " + Ms(roundTrips.Min()) + "/" + Ms(roundTrips.Average()) + "/" + Ms(roundTrips.Max()) + " ms");
                return ExitCodes.Ok;
            });
            return command;
        }

        private static string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
    }
}
