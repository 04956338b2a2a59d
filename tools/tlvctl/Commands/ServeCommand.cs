using System;
using System.Collections.Generic;
using System.IO;
using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Parsing;
using NanoTlv.Cli.Simulation;
using NanoTlv.Client;
using NanoTlv.Firmware;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl serve</c>: the virtual device at 127.0.0.1 until Ctrl+C.</summary>
    internal static class ServeCommand
    {
        /// <summary>Device name when --name is not given.</summary>
        public const string DefaultName = "tlvctl-virtual";

        /// <summary>Where announcements go when --announce-to is not given: the loopback broadcast address.</summary>
        public static readonly string DefaultAnnounceTarget = "127.255.255.255:" + DiscoveryFormat.DefaultPort;

        private const int MillisecondsPerSecond = 1000;
        private const int MaxAnnounceIntervalSeconds = 86400;

        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var port = new Option<int>("--port", "-p") { Description = "TCP port at 127.0.0.1 (0 = a free one, printed)", DefaultValueFactory = _ => DeviceAddress.DefaultPort };
            NumberParsers.Int(port, 0, ushort.MaxValue);
            var maxClients = new Option<int>("--max-clients") { Description = "Simultaneous connections (1.." + DeviceOptions.MaxClientsLimit + ")", DefaultValueFactory = _ => DeviceOptions.DefaultMaxClients };
            NumberParsers.Int(maxClients, 1, DeviceOptions.MaxClientsLimit);
            var maxPayload = new Option<int>("--max-payload") { Description = "Largest request payload in bytes (" + DeviceOptions.MinMaxPayloadBytes + "..65535)", HelpName = "bytes", DefaultValueFactory = _ => DeviceOptions.DefaultMaxPayloadBytes };
            NumberParsers.Int(maxPayload, DeviceOptions.MinMaxPayloadBytes, ushort.MaxValue);
            var name = new Option<string>("--name") { Description = "Device name in HELLO (printable ASCII, up to 32 characters)", DefaultValueFactory = _ => DefaultName };
            var discoveryPort = new Option<int?>("--discovery-port")
            {
                Description = "UDP port at 127.0.0.1 that answers discovery requests (default " + DiscoveryFormat.DefaultPort + ", skipped with a warning when taken; 0 = a free one, printed)",
                HelpName = "port",
            };
            NumberParsers.Int(discoveryPort, 0, ushort.MaxValue);
            var announceTo = new Option<string>("--announce-to")
            {
                Description = "Where periodic announcements go: IPv4 address[:port]",
                HelpName = "address:port",
                DefaultValueFactory = _ => DefaultAnnounceTarget,
            };
            var announceInterval = new Option<int>("--announce-interval")
            {
                Description = "Seconds between announcements (0 = answer discovery requests only)",
                HelpName = "s",
                DefaultValueFactory = _ => DiscoveryFormat.DefaultAnnounceIntervalMs / MillisecondsPerSecond,
            };
            NumberParsers.Int(announceInterval, 0, MaxAnnounceIntervalSeconds);
            var inputs = new Option<string[]>("--input")
            {
                Description = "Drive an input line from the start: PIN=high|low (repeatable, or PIN=LEVEL,PIN=LEVEL)",
                HelpName = "pin=level",
                DefaultValueFactory = _ => [],
            };
            var adc = new Option<string[]>("--adc")
            {
                Description = "Voltage on an ADC pin from the start: PIN=1650mV, PIN=1.65V (repeatable)",
                HelpName = "pin=voltage",
                DefaultValueFactory = _ => [],
            };
            var bme280 = new Option<string?>("--bme280")
            {
                Description = "What the simulated BME280 measures: temp=C,humidity=%,pressure=hPa (any of them)",
                HelpName = "values",
            };
            var script = new Option<string?>("--script")
            {
                Description = "Run a simulation script: timed steps such as 'at 1s input 4 high', 'every 500ms toggle 4', 'adc 34 ramp 0..3100mV over 10s'",
                HelpName = "file",
            };
            var prompt = new Option<bool>("--prompt")
            {
                Description = "Read simulation commands from standard input while serving (type 'help')",
            };
            var command = new Command(
                "serve",
                "Run the virtual device (the firmware core on a simulated ESP32 DevKit) at 127.0.0.1 until Ctrl+C; --token sets the token it requires; "
                + "--input, --adc, --bme280, --script and --prompt play the outside world (inputs, voltages, weather)")
            {
                port, maxClients, maxPayload, name, discoveryPort, announceTo, announceInterval, inputs, adc, bme280, script, prompt,
            };
            CommandRunner.SetAction(command, io, globals, async (context, cancellationToken) =>
            {
                var options = new DeviceOptions
                {
                    DeviceName = context.ParseResult.GetValue(name)!,
                    MaxClients = context.ParseResult.GetValue(maxClients),
                    MaxPayloadBytes = context.ParseResult.GetValue(maxPayload),
                    AuthToken = context.Token,
                };
                SetFirmwareVersion(options);
                options.Validate();
                using var board = new VirtualBoard();
                TextWriter logWriter = context.Json ? io.Error : io.Output;
                var log = new ConsoleLog(logWriter, "device");
                IPEndPoint announceTarget = DiscoveryTarget.Parse(context.ParseResult.GetValue(announceTo)!);
                var parser = new SimulationParser(board);
                IReadOnlyList<SimulationStep> steps = ParseSimulation(context.ParseResult, parser, inputs, adc, bme280, script);
                await using var simulation = new SimulationRunner(board, new ConsoleLog(logWriter, "sim"));
                foreach (SimulationStep step in steps)
                {
                    simulation.Start(step);
                }

                using VirtualDeviceHost host = Start(board, options, log, context.ParseResult.GetValue(port));
                using VirtualDiscoveryHost? discovery = StartDiscovery(
                    context, options, host.Port, context.ParseResult.GetValue(discoveryPort), announceTarget, context.ParseResult.GetValue(announceInterval) * MillisecondsPerSecond, board, log);
                context.Report(
                    new
                    {
                        @event = "listening",
                        address = "127.0.0.1",
                        port = host.Port,
                        name = options.DeviceName,
                        maxClients = options.MaxClients,
                        maxPayloadBytes = options.MaxPayloadBytes,
                        tokenRequired = options.AuthToken is not null,
                        boardId = discovery is null ? null : Convert.ToHexStringLower(discovery.BoardId),
                        discoveryPort = discovery?.Port,
                        announceTo = discovery?.AnnounceTo.ToString(),
                    },
                    "virtual device '" + options.DeviceName + "' (" + board.Description.Name + ") listening on 127.0.0.1:" + host.Port
                        + "; max " + options.MaxClients + " clients, max payload " + options.MaxPayloadBytes + " bytes"
                        + (options.AuthToken is null ? string.Empty : ", token required")
                        + (discovery is null ? string.Empty : "; discovery on UDP 127.0.0.1:" + discovery.Port + ", board id " + Convert.ToHexStringLower(discovery.BoardId) + ", announcing to " + discovery.AnnounceTo)
                        + ". Ctrl+C stops.");
                if (context.ParseResult.GetValue(prompt))
                {
                    // Not awaited at the end: a console read cannot be cancelled, and the process ends anyway.
                    _ = Task.Run(() => SimulationPrompt.RunAsync(io.Input, logWriter, io.Error, parser, simulation, cancellationToken), CancellationToken.None);
                    logWriter.WriteLine("simulation prompt: type a command such as 'input 4 high', or 'help'");
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: the normal way to stop serving.
                }

                context.Report(new { @event = "stopped", port = host.Port }, "virtual device stopped");
                return host.Failure is null ? ExitCodes.Ok : ExitCodes.ConnectionError;
            }, GlobalOptionSet.Token | GlobalOptionSet.Json);
            return command;
        }

        /// <summary>Every simulation step of the options and the script, checked against the board: options first, in
        /// the order --input, --adc, --bme280, then the script's lines.</summary>
        private static List<SimulationStep> ParseSimulation(
            ParseResult parseResult, SimulationParser parser, Option<string[]> inputs, Option<string[]> adc, Option<string?> bme280, Option<string?> script)
        {
            var steps = new List<SimulationStep>();
            foreach (string value in parseResult.GetValue(inputs)!)
            {
                steps.AddRange(parser.ParseInputOption(value));
            }

            foreach (string value in parseResult.GetValue(adc)!)
            {
                steps.AddRange(parser.ParseAdcOption(value));
            }

            if (parseResult.GetValue(bme280) is string weather)
            {
                steps.Add(parser.ParseBme280Option(weather));
            }

            if (parseResult.GetValue(script) is string path)
            {
                steps.AddRange(parser.ParseScript(path));
            }

            return steps;
        }

        /// <summary>Sets the firmware version HELLO reports to tlvctl's own version.</summary>
        public static void SetFirmwareVersion(DeviceOptions options)
        {
            Version version = typeof(ServeCommand).Assembly.GetName().Version ?? new Version(0, 0, 0);
            options.FirmwareMajor = (byte)version.Major;
            options.FirmwareMinor = (byte)version.Minor;
            options.FirmwarePatch = (byte)Math.Max(0, version.Build);
        }

        private static VirtualDiscoveryHost? StartDiscovery(
            CommandContext context, DeviceOptions options, int tcpPort, int? discoveryPort, IPEndPoint announceTarget, int announceIntervalMs, VirtualBoard board, ConsoleLog log)
        {
            int udpPort = discoveryPort ?? DiscoveryFormat.DefaultPort;
            try
            {
                return VirtualDiscoveryHost.Start(options, tcpPort, udpPort, announceTarget, announceIntervalMs, board.Services.System, log);
            }
            catch (SocketException ex) when (discoveryPort is null)
            {
                // The default port is shared by every virtual device of this host: the first one gets it.
                context.Io.Error.WriteLine("warning: discovery is off: UDP 127.0.0.1:" + udpPort + " is taken (" + ex.Message + "); pass --discovery-port 0 for a free port.");
                return null;
            }
            catch (SocketException ex)
            {
                throw new DeviceConnectionException("Cannot listen for discovery on UDP 127.0.0.1:" + udpPort + ": " + ex.Message, ex);
            }
        }

        private static VirtualDeviceHost Start(VirtualBoard board, DeviceOptions options, ConsoleLog log, int port)
        {
            try
            {
                return VirtualDeviceHost.Start(board, options, log, port);
            }
            catch (SocketException ex)
            {
                throw new DeviceConnectionException("Cannot listen on 127.0.0.1:" + port + ": " + ex.Message, ex);
            }
        }
    }
}
