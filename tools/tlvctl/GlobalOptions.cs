using System.CommandLine;
using NanoTlv.Cli.Parsing;

namespace NanoTlv.Cli
{
    /// <summary>The global options (recursive options of the root command, so they may stand before or after the
    /// subcommand). A command declares the ones that apply to it (<see cref="GlobalOptionSet"/>, given to
    /// <see cref="CommandRunner"/>); giving another is a usage error naming the command.</summary>
    internal sealed class GlobalOptions
    {
        /// <summary>Default request timeout in milliseconds.</summary>
        public const int DefaultTimeoutMs = 3000;

        /// <summary>Environment variable with the default device address.</summary>
        public const string DeviceVariable = "TLVCTL_DEVICE";

        /// <summary>Environment variable with the default token.</summary>
        public const string TokenVariable = "TLVCTL_TOKEN";

        public GlobalOptions()
        {
            Device = new Option<string?>("--device", "-d")
            {
                Description = "Device address host:port, or a board name or id found by discovery (default: $" + DeviceVariable + ", else " + DeviceAddress.DefaultText + ")",
                HelpName = "host:port|name|id",
                Recursive = true,
            };
            Token = new Option<string?>("--token")
            {
                Description = "Authentication token sent in HELLO (default: $" + TokenVariable + "); never printed",
                Recursive = true,
            };
            TimeoutMs = new Option<int>("--timeout")
            {
                Description = "Reply timeout in milliseconds",
                HelpName = "ms",
                DefaultValueFactory = _ => DefaultTimeoutMs,
                Recursive = true,
            };
            NumberParsers.Int(TimeoutMs, 1, int.MaxValue, "--timeout must be a positive number of milliseconds; got {0}.");
            Discovery = new Option<string?>("--discovery")
            {
                Description = "Where discovery requests go (discover, and --device NAME|ID): IPv4 address[:port] (default: $" + DiscoveryTarget.Variable + ", else " + DiscoveryTarget.DefaultText + ")",
                HelpName = "address:port",
                Recursive = true,
            };
            Json = new Option<bool>("--json")
            {
                Description = "Write machine-readable JSON to standard output",
                Recursive = true,
            };
        }

        public Option<string?> Device { get; }

        public Option<string?> Token { get; }

        public Option<int> TimeoutMs { get; }

        public Option<string?> Discovery { get; }

        public Option<bool> Json { get; }

        /// <summary>Every global option with its flag.</summary>
        public (Option Option, GlobalOptionSet Flag)[] All() =>
        [
            (Device, GlobalOptionSet.Device),
            (Token, GlobalOptionSet.Token),
            (TimeoutMs, GlobalOptionSet.Timeout),
            (Json, GlobalOptionSet.Json),
            (Discovery, GlobalOptionSet.Discovery),
        ];

        public void AddTo(RootCommand root)
        {
            root.Add(Device);
            root.Add(Token);
            root.Add(TimeoutMs);
            root.Add(Discovery);
            root.Add(Json);
        }
    }
}
