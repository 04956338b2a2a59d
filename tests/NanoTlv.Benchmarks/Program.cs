using System;
using System.Linq;
using BenchmarkDotNet.Running;
using NanoTlv.Benchmarks.Decoding;
using NanoTlv.Benchmarks.Reporting;

namespace NanoTlv.Benchmarks;

/// <summary>
/// Runs the benchmarks with BenchmarkSwitcher (so its usual options such as <c>--filter</c> and <c>--list</c> work),
/// then prints the frame-decoding table and targets. <c>--short</c> selects the quick job; <c>--payloads</c> and
/// <c>--chunks</c> narrow the frame-decoding sizes (see <see cref="FrameDecodingSelection"/>). Without a filter
/// every benchmark class runs.
/// </summary>
public static class Program
{
    private const string ShortOption = "--short";

    private static readonly string[] SelectionOptions = ["--filter", "-f", "--list", "--help", "-h", "--info", "--version"];

    public static int Main(string[] args)
    {
        bool shortRun = args.Contains(ShortOption);
        string[] switcherArgs = FrameDecodingSelection.Apply(args.Where(a => a != ShortOption).ToArray());
        if (!switcherArgs.Any(a => SelectionOptions.Contains(a)))
        {
            switcherArgs = [.. switcherArgs, "--filter", "*"];
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(switcherArgs, BenchmarkConfig.Create(shortRun));
        FrameDecodingReport.Print(summaries, Console.Out);
        return 0;
    }
}
