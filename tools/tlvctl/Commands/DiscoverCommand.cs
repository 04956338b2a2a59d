using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NanoTlv.Client.Discovery;
using Spectre.Console;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl discover</c>: lists the boards that answer a DISCOVER request.</summary>
    internal static class DiscoverCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var command = new Command(
                "discover",
                "List the boards that answer a discovery request (UDP, sent to --discovery, default $" + Parsing.DiscoveryTarget.Variable + ", else "
                + Parsing.DiscoveryTarget.DefaultText + "); waits --timeout ms for answers");
            CommandRunner.SetAction(command, io, globals, async (context, cancellationToken) =>
            {
                DiscoveryResult result = await BoardFinder.DiscoverAsync(context.DiscoveryTarget, context.Timeout, cancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(new
                    {
                        target = context.DiscoveryTarget.ToString(),
                        boards = result.Boards.Select(board => new
                        {
                            id = board.BoardId,
                            board.Name,
                            address = board.TcpEndPoint.Address.ToString(),
                            port = board.TcpEndPoint.Port,
                            firmware = board.FirmwareVersion.ToString(3),
                            protocol = board.ProtocolVersion,
                            board.TokenRequired,
                        }),
                        ignoredDatagrams = result.IgnoredDatagrams,
                    });
                    return ExitCodes.Ok;
                }

                if (result.Boards.Count == 0)
                {
                    context.WriteLine("No board answered at " + context.DiscoveryTarget + " within " + ((int)context.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms.");
                    return ExitCodes.Ok;
                }

                var table = new Table().AddColumn("Name").AddColumn("Board id").AddColumn("Device").AddColumn("Firmware").AddColumn("Token");
                foreach (DiscoveredBoard board in result.Boards)
                {
                    table.AddRow(
                        Markup.Escape(board.Name),
                        board.BoardId,
                        Markup.Escape(board.TcpEndPoint.ToString()),
                        board.FirmwareVersion.ToString(3),
                        board.TokenRequired ? "required" : "none");
                }

                context.Console.Write(table);
                context.WriteLine(result.Boards.Count.ToString(CultureInfo.InvariantCulture) + " board(s); connect with --device NAME, --device ID or --device ADDRESS:PORT.");
                return ExitCodes.Ok;
            },
            GlobalOptionSet.Timeout | GlobalOptionSet.Json | GlobalOptionSet.Discovery);
            return command;
        }
    }
}
