using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Cli.Tests.Infrastructure
{
    /// <summary>Runs tlvctl in-process through <see cref="CliApp"/>, bounded in time.</summary>
    public static class Tlvctl
    {
        public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

        public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, CancellationToken.None, args);

        public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken, params string[] args)
        {
            var output = new LockedWriter();
            var error = new LockedWriter();
            var io = new CliIo(output, error, false, name => environment is not null && environment.TryGetValue(name, out string? value) ? value : null, false);
            int exitCode = await CliApp.RunAsync(args, io, cancellationToken).WaitAsync(Limit);
            return new CliResult(exitCode, output.ToString(), error.ToString());
        }

        /// <summary>Starts a long-running command; the caller reads <paramref name="output"/> while it runs.</summary>
        public static Task<int> Start(LockedWriter output, LockedWriter error, CancellationToken cancellationToken, params string[] args) =>
            Task.Run(() => CliApp.RunAsync(args, new CliIo(output, error, false, _ => null, false), cancellationToken));
    }
}
