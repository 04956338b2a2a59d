using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;
using NanoTlv.Dashboard;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl dashboard</c>: a live web page of one or more boards until Ctrl+C (see NanoTlv.Dashboard).</summary>
    internal static class DashboardCommand
    {
        /// <summary>Web port when --port is not given.</summary>
        public const int DefaultPort = 5180;

        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var boards = new Option<string[]>("--device", "-d")
            {
                Description = "A board host:port (repeat for more; default $" + GlobalOptions.DeviceVariable + ", else " + DeviceAddress.DefaultText + "); --token and the pin options apply to each",
                HelpName = "host:port",
            };
            var port = new Option<int>("--port", "-p") { Description = "Web port (0 = a free one, printed)", DefaultValueFactory = _ => DefaultPort };
            NumberParsers.Int(port, 0, ushort.MaxValue);
            var listen = new Option<string>("--listen")
            {
                Description = "Address the web server binds; anything but loopback makes the page (and the boards' outputs) reachable from the network without a password",
                HelpName = "address",
                DefaultValueFactory = _ => IPAddress.Loopback.ToString(),
            };
            Option<int[]> inputs = CliArguments.PinsOption("--inputs", "Pins to set as inputs with pull-up and watch");
            Option<int[]> outputs = CliArguments.PinsOption("--outputs", "Pins to set as outputs");
            Option<int[]> adc = CliArguments.PinsOption("--adc", "ADC pins to read every --interval");
            var interval = new Option<int>("--interval") { Description = "Sensor reading interval in milliseconds (ADC, BME280)", HelpName = "ms", DefaultValueFactory = _ => 1000 };
            NumberParsers.Int(interval, 100, 3_600_000);
            var command = new Command("dashboard", "Serve a live web page of the boards (pins, ADC, BME280, outputs, events) until Ctrl+C; --token is used for every board and never sent to the browser")
            {
                boards, port, listen, inputs, outputs, adc, interval,
            };
            CommandRunner.SetAction(command, io, globals, async (context, cancellationToken) =>
            {
                string[] addresses = context.ParseResult.GetValue(boards) is { Length: > 0 } given ? given : [context.DeviceText];
                string listenText = context.ParseResult.GetValue(listen)!;
                if (!IPAddress.TryParse(listenText, out IPAddress? listenAddress))
                {
                    throw new UsageException("--listen '" + listenText + "' is not an IP address (use 127.0.0.1, or e.g. 0.0.0.0 to serve the network).");
                }

                var options = new DashboardOptions
                {
                    Boards = addresses.Select(DeviceAddress.Parse).Select(address => new BoardEndpoint(address.Host, address.Port, context.Token)).ToArray(),
                    ListenAddress = listenAddress,
                    Port = context.ParseResult.GetValue(port),
                    InputPins = context.ParseResult.GetValue(inputs)!,
                    OutputPins = context.ParseResult.GetValue(outputs)!,
                    AdcPins = context.ParseResult.GetValue(adc)!,
                    SensorInterval = TimeSpan.FromMilliseconds(context.ParseResult.GetValue(interval)),
                    RequestTimeout = context.Timeout,
                };
                DashboardServer server = await StartAsync(options, cancellationToken).ConfigureAwait(false);
                await using (server.ConfigureAwait(false))
                {
                    if (!IPAddress.IsLoopback(listenAddress))
                    {
                        io.Error.WriteLine("warning: the dashboard listens on " + listenAddress + ": anyone who can reach this machine can see the boards and set their outputs.");
                    }

                    context.Report(
                        new { @event = "listening", url = server.Address.ToString(), boards = options.Boards.Select(board => board.ToString()).ToArray() },
                        "dashboard of " + options.Boards.Count + " board" + (options.Boards.Count == 1 ? string.Empty : "s") + " at " + server.Address + " ; Ctrl+C stops.");
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl+C: the normal way to stop the dashboard.
                    }
                }

                context.Report(new { @event = "stopped" }, "dashboard stopped");
                return ExitCodes.Ok;
            });
            return command;
        }

        private static async Task<DashboardServer> StartAsync(DashboardOptions options, CancellationToken cancellationToken)
        {
            try
            {
                return await DashboardServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new DeviceConnectionException("Cannot serve the dashboard on " + options.ListenAddress + ":" + options.Port + ": " + ex.Message, ex);
            }
        }
    }
}
