using System;
using System.Net;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Output;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;
using NanoTlv.Client.Discovery;
using Spectre.Console;

namespace NanoTlv.Cli
{
    /// <summary>One command's view of the global options and of where to write.</summary>
    internal sealed class CommandContext
    {
        private const int RedirectedWidth = 120;

        public CommandContext(CliIo io, GlobalOptions globals, ParseResult parseResult)
        {
            Io = io;
            ParseResult = parseResult;
            Json = parseResult.GetValue(globals.Json);
            Timeout = TimeSpan.FromMilliseconds(parseResult.GetValue(globals.TimeoutMs));
            DeviceText = parseResult.GetValue(globals.Device) ?? NonEmpty(io.GetEnvironmentVariable(GlobalOptions.DeviceVariable)) ?? DeviceAddress.DefaultText;
            Token = parseResult.GetValue(globals.Token) ?? NonEmpty(io.GetEnvironmentVariable(GlobalOptions.TokenVariable));
            DiscoveryText = parseResult.GetValue(globals.Discovery) ?? NonEmpty(io.GetEnvironmentVariable(Parsing.DiscoveryTarget.Variable)) ?? Parsing.DiscoveryTarget.DefaultText;
            Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(io.Output),
                Ansi = io.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = io.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = io.Interactive ? InteractionSupport.Detect : InteractionSupport.No,
            });
            if (!io.Interactive)
            {
                // Logs and pipes have no window: render tables at a width that keeps their rows on one line.
                Console.Profile.Width = RedirectedWidth;
            }
        }

        public CliIo Io { get; }

        /// <summary>What the device could tell about a refused command beyond its status (e.g. why a pin is
        /// reserved), added to the error message; null when nothing.</summary>
        public string? ErrorReason { get; set; }

        /// <summary>Set by a long-running command before it connects: PING this often (see
        /// <see cref="TlvClientOptions.KeepAliveInterval"/>); null for none.</summary>
        public TimeSpan? KeepAliveInterval { get; set; }

        public ParseResult ParseResult { get; }

        public bool Json { get; }

        public TimeSpan Timeout { get; }

        public string DeviceText { get; }

        public string? Token { get; }

        /// <summary>Spectre console over <see cref="CliIo.Output"/>, for tables and progress.</summary>
        public IAnsiConsole Console { get; }

        /// <summary>True when a live progress display may be drawn.</summary>
        public bool ShowProgress => Io.Interactive && !Json;

        public DeviceAddress Device => DeviceAddress.Parse(DeviceText);

        public string DiscoveryText { get; }

        /// <summary>Where discovery requests go (--discovery, $TLVCTL_DISCOVERY, 255.255.255.255:5151).</summary>
        public IPEndPoint DiscoveryTarget => Parsing.DiscoveryTarget.Parse(DiscoveryText);

        /// <summary>
        /// The device to connect to. A --device word without a port that is not an IP address or "localhost" is first
        /// looked up as a board name or id with a discovery request (waiting at most --timeout); when no board answers
        /// it is taken as a host name at the default port.
        /// </summary>
        /// <param name="cancellationToken">Cancels.</param>
        /// <returns>The address.</returns>
        public async Task<DeviceAddress> ResolveDeviceAsync(CancellationToken cancellationToken)
        {
            DeviceAddress address = Device;
            if (!BoardReference.IsCandidate(DeviceText))
            {
                return address;
            }

            DiscoveredBoard? board = await BoardFinder.FindAsync(DeviceText, DiscoveryTarget, Timeout, cancellationToken).ConfigureAwait(false);
            return board is null ? address : new DeviceAddress(board.TcpEndPoint.Address.ToString(), board.TcpEndPoint.Port);
        }
        /// <summary>Connects and sends HELLO with the token.</summary>
        /// <param name="cancellationToken">Cancels.</param>
        /// <returns>The connected client.</returns>
        public async Task<TlvClient> ConnectAsync(CancellationToken cancellationToken)
        {
            DeviceAddress device = await ResolveDeviceAsync(cancellationToken).ConfigureAwait(false);
            var options = new TlvClientOptions { RequestTimeout = Timeout, ConnectTimeout = Timeout, KeepAliveInterval = KeepAliveInterval };
            TlvClient client = await TlvClient.ConnectAsync(device.Host, device.Port, options, cancellationToken).ConfigureAwait(false);
            try
            {
                await client.HelloAsync(Token, null, cancellationToken).ConfigureAwait(false);
                return client;
            }
            catch
            {
                await client.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        public void WriteLine(string text) => Io.Output.WriteLine(text);

        public void WriteJson(object value) => Io.Output.WriteLine(JsonOutput.Serialize(value));

        /// <summary>Writes <paramref name="json"/> with --json, else <paramref name="text"/>.</summary>
        /// <param name="json">The JSON document.</param>
        /// <param name="text">The human line.</param>
        public void Report(object json, string text)
        {
            if (Json)
            {
                WriteJson(json);
            }
            else
            {
                WriteLine(text);
            }
        }

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
