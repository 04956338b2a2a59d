using System;
using System.IO;

namespace NanoTlv.Cli
{
    /// <summary>Where a tlvctl invocation writes and what it may read from its environment.</summary>
    /// <param name="Output">Standard output (results, tables, JSON).</param>
    /// <param name="Error">Standard error (error messages, serve logs when --json).</param>
    /// <param name="Interactive">True for a real terminal: colours and progress bars.</param>
    /// <param name="GetEnvironmentVariable">Reads TLVCTL_DEVICE and TLVCTL_TOKEN.</param>
    /// <param name="HandleProcessTermination">True to turn Ctrl+C / SIGTERM into cancellation (the real process only).</param>
    public sealed record CliIo(TextWriter Output, TextWriter Error, bool Interactive, Func<string, string?> GetEnvironmentVariable, bool HandleProcessTermination)
    {
        /// <summary>Standard input, read by <c>serve --prompt</c>; empty unless set.</summary>
        public TextReader Input { get; init; } = TextReader.Null;

        /// <summary>Non-interactive writers and an empty environment: for tests and embedding.</summary>
        /// <param name="output">Standard output.</param>
        /// <param name="error">Standard error.</param>
        /// <returns>The settings.</returns>
        public static CliIo ForWriters(TextWriter output, TextWriter error) => new(output, error, false, _ => null, false);
    }
}
