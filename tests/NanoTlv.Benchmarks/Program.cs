using System;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NanoTlv.Benchmarks.Budget;
using NanoTlv.Benchmarks.Dashboard;
using NanoTlv.Benchmarks.Decoding;
using NanoTlv.Benchmarks.Dispatch;
using NanoTlv.Benchmarks.EndToEnd;
using NanoTlv.Benchmarks.Mqtt;
using NanoTlv.Benchmarks.Reporting;
using NanoTlv.Benchmarks.Transport;

namespace NanoTlv.Benchmarks;

/// <summary>
/// Runs the benchmarks with BenchmarkSwitcher (so its usual options such as <c>--filter</c> and <c>--list</c> work),
/// then prints the frame-decoding and command-dispatch tables and targets. <c>--short</c> selects the quick job;
/// <c>--payloads</c> and <c>--chunks</c> narrow the frame-decoding sizes (see <see cref="FrameDecodingSelection"/>).
/// Without a filter every benchmark class runs, followed by the loopback end-to-end runs, the device budget and the MQTT bridge run.
/// The verbs <c>loopback</c>, <c>budget</c> and <c>mqtt</c> run only those (with <c>--short</c>, the loopback and MQTT
/// runs are brief; <c>mqtt</c> needs Mosquitto installed and tlvctl built).
/// The verb <c>dashboard</c> measures the web dashboard in headless Chromium (page load, event-to-screen latency for
/// 16 boards at 10 events/s each); it needs Debian's chromium and chromium-driver and is not part of the whole suite.
/// The exit code is non-zero only when something broke (an exception, a wrong reply), never because of a timing.
/// </summary>
public static class Program
{
    private const string ShortOption = "--short";
    private const string LoopbackVerb = "loopback";
    private const string BudgetVerb = "budget";
    private const string MqttVerb = "mqtt";
    private const string DashboardVerb = "dashboard";

    private static readonly string[] SelectionOptions = ["--filter", "-f", "--list", "--help", "-h", "--info", "--version"];

    public static int Main(string[] args)
    {
        bool shortRun = args.Contains(ShortOption);
        LoadSettings loadSettings = shortRun ? LoadSettings.Short : LoadSettings.Full;
        if (args.FirstOrDefault() == LoopbackVerb)
        {
            return Guarded(LoopbackVerb, () => LoopbackSuite.Run(loadSettings, Console.Out, Console.Error));
        }

        if (args.FirstOrDefault() == MqttVerb)
        {
            return Guarded(MqttVerb, () => MqttSuite.Run(shortRun ? MqttSettings.Short : MqttSettings.Full, Console.Out, Console.Error));
        }

        if (args.FirstOrDefault() == DashboardVerb)
        {
            return Guarded(DashboardVerb, () => DashboardMeasurement.Run(shortRun, Console.Out));
        }

        if (args.FirstOrDefault() == BudgetVerb)
        {
            return Guarded(BudgetVerb, () => BudgetReport.Run(Console.Out));
        }

        string[] switcherArgs = FrameDecodingSelection.Apply(args.Where(a => a != ShortOption).ToArray());
        bool wholeSuite = !switcherArgs.Any(a => SelectionOptions.Contains(a));
        if (wholeSuite)
        {
            switcherArgs = [.. switcherArgs, "--filter", "*"];
        }

        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(switcherArgs, BenchmarkConfig.Create(shortRun)).ToArray();
        FrameDecodingReport.Print(summaries, Console.Out);
        int exitCode = Guarded("dispatch report", () => DispatchReport.Print(summaries, Console.Out));
        exitCode |= Guarded("connection cycle report", () => RateReport.Print(
            summaries, Console.Out, typeof(ConnectionCycleBenchmarks), "Connect/close cycles: the device's accept path beside a bare accept-and-close server (loopback)", "cycles"));
        exitCode |= Guarded("socket receive report", () => RateReport.Print(
            summaries, Console.Out, typeof(SocketReceiveBenchmarks), "Receiving a waiting chunk: poll then receive, against one receive bounded by the receive timeout", "chunks"));
        if (!RunHealth.Check(summaries, Console.Out))
        {
            exitCode = 1;
        }

        if (wholeSuite)
        {
            exitCode |= Guarded(LoopbackVerb, () => LoopbackSuite.Run(loadSettings, Console.Out, Console.Error));
            exitCode |= Guarded(BudgetVerb, () => BudgetReport.Run(Console.Out));
            exitCode |= Guarded(MqttVerb, () => MqttSuite.Run(shortRun ? MqttSettings.Short : MqttSettings.Full, Console.Out, Console.Error));
        }

        return exitCode;
    }

    // A broken run must end with a clear line and a non-zero exit, whatever was thrown.
#pragma warning disable CA1031
    private static int Guarded(string what, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e)
        {
            Console.Out.Flush();
            Console.WriteLine($"FAILED  {what}: {e}");
            return 1;
        }
    }
#pragma warning restore CA1031
}
