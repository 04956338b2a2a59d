using System.CommandLine;
using System.Globalization;
using System.Threading.Tasks;
using NanoTlv.Cli.Output;
using NanoTlv.Client;
using Spectre.Console;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl info</c>: uptime, memory and traffic counters.</summary>
    internal static class InfoCommand
    {
        private const double MillisecondsPerSecond = 1000;

        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var command = new Command("info", "Show the device's uptime, memory, traffic counters and connections");
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                DeviceInfo info = await client.InfoAsync(null, cancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(new
                    {
                        device = context.DeviceText,
                        name = client.Hello!.Name,
                        info.UptimeMs,
                        uptimeSeconds = info.UptimeMs / MillisecondsPerSecond,
                        uptime = Durations.Iso8601(info.Uptime),
                        info.FreeMemoryBytes,
                        info.TotalMemoryBytes,
                        memoryReported = info.TotalMemoryBytes != 0,
                        info.FramesReceived,
                        info.BytesReceived,
                        info.FramesSent,
                        info.Resyncs,
                        info.SkippedBytes,
                        info.OversizedFrames,
                        info.ErrorReplies,
                        info.Clients,
                        info.MaxClients,
                        info.FailedAuthentications,
                        info.RejectedConnections,
                    });
                    return ExitCodes.Ok;
                }

                var table = new Table().Title(client.Hello!.Name + " (" + context.DeviceText + ")").AddColumn("Property").AddColumn(new TableColumn("Value").RightAligned());
                Row(table, "Uptime", Durations.Format(info.Uptime));
                Row(table, "Free memory", info.TotalMemoryBytes == 0 ? "not reported by the device" : Bytes(info.FreeMemoryBytes) + " of " + Bytes(info.TotalMemoryBytes));
                Row(table, "Frames received", Number(info.FramesReceived));
                Row(table, "Bytes received", Number(info.BytesReceived));
                Row(table, "Frames sent", Number(info.FramesSent));
                Row(table, "Resyncs", Number(info.Resyncs));
                Row(table, "Skipped bytes", Number(info.SkippedBytes));
                Row(table, "Oversized frames", Number(info.OversizedFrames));
                Row(table, "Error replies", Number(info.ErrorReplies));
                Row(table, "Clients", info.Clients + " of " + info.MaxClients);
                Row(table, "Failed authentications", Number(info.FailedAuthentications));
                Row(table, "Rejected connections", Number(info.RejectedConnections));
                context.Console.Write(table);
                return ExitCodes.Ok;
            });
            return command;
        }

        private static void Row(Table table, string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));

        private static string Number(uint value) => value.ToString("N0", CultureInfo.InvariantCulture);

        private static string Bytes(uint value) => value.ToString("N0", CultureInfo.InvariantCulture) + " B";
    }
}
