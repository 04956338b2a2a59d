using System;
using System.Linq;
using System.Text.Json;

namespace NanoTlv.Cli.Tests.Infrastructure
{
    /// <summary>What one tlvctl invocation returned and wrote.</summary>
    public sealed record CliResult(int ExitCode, string Out, string Err)
    {
        public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>The single JSON document of a --json run.</summary>
        public JsonElement Json()
        {
            string[] lines = Lines;
            if (lines.Length != 1)
            {
                throw new InvalidOperationException("Expected one JSON line, got " + lines.Length + ":\n" + Out + "\nstderr:\n" + Err);
            }

            return JsonDocument.Parse(lines[0]).RootElement;
        }

        /// <summary>Every line of a --json run that streams one document per line.</summary>
        public JsonElement[] JsonLines() => Lines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();

        public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Out + "\nstderr:\n" + Err;
    }
}
