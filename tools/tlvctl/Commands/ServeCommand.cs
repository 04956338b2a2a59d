using System;
using System.CommandLine;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;
using NanoTlv.Firmware;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl serve</c>: the virtual device at 127.0.0.1 until Ctrl+C.</summary>
    internal static class ServeCommand
    {
        /// <summary>Device name when --name is not given.</summary>
        public const string DefaultName = "tlvctl-virtual";

        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var port = new Option<int>("--port", "-p") { Description = "TCP port at 127.0.0.1 (0 = a free one, printed)", DefaultValueFactory = _ => DeviceAddress.DefaultPort };
            CliArguments.CheckRange(port, 0, ushort.MaxValue);
            var maxClients = new Option<int>("--max-clients") { Description = "Simultaneous connections (1.." + DeviceOptions.MaxClientsLimit + ")", DefaultValueFactory = _ => DeviceOptions.DefaultMaxClients };
            CliArguments.CheckRange(maxClients, 1, DeviceOptions.MaxClientsLimit);
            var maxPayload = new Option<int>("--max-payload") { Description = "Largest request payload in bytes (" + DeviceOptions.MinMaxPayloadBytes + "..65535)", HelpName = "bytes", DefaultValueFactory = _ => DeviceOptions.DefaultMaxPayloadBytes };
            CliArguments.CheckRange(maxPayload, DeviceOptions.MinMaxPayloadBytes, ushort.MaxValue);
            var name = new Option<string>("--name") { Description = "Device name in HELLO (printable ASCII, up to 32 characters)", DefaultValueFactory = _ => DefaultName };
            var command = new Command(
                "serve",
                "Run the virtual device (the firmware core on a simulated ESP32 DevKit) at 127.0.0.1 until Ctrl+C; --token sets the token it requires")
            {
                port, maxClients, maxPayload, name,
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
                var log = new ConsoleLog(context.Json ? io.Error : io.Output, "device");
                using VirtualDeviceHost host = Start(board, options, log, context.ParseResult.GetValue(port));
                context.Report(
                    new { @event = "listening", address = "127.0.0.1", port = host.Port, name = options.DeviceName, maxClients = options.MaxClients, maxPayloadBytes = options.MaxPayloadBytes, tokenRequired = options.AuthToken is not null },
                    "virtual device '" + options.DeviceName + "' (" + board.Description.Name + ") listening on 127.0.0.1:" + host.Port
                        + "; max " + options.MaxClients + " clients, max payload " + options.MaxPayloadBytes + " bytes"
                        + (options.AuthToken is null ? string.Empty : ", token required") + ". Ctrl+C stops.");
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
            });
            return command;
        }

        /// <summary>Sets the firmware version HELLO reports to tlvctl's own version.</summary>
        public static void SetFirmwareVersion(DeviceOptions options)
        {
            Version version = typeof(ServeCommand).Assembly.GetName().Version ?? new Version(0, 0, 0);
            options.FirmwareMajor = (byte)version.Major;
            options.FirmwareMinor = (byte)version.Minor;
            options.FirmwarePatch = (byte)Math.Max(0, version.Build);
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
