using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NanoTlv.Benchmarks.Reporting;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// The <c>loopback</c> verb: the device over real loopback TCP (<see cref="DeviceUnderLoad"/>) next to a bare echo
/// server (<see cref="EchoServer"/>) under the same load from the same client code, in the same run: pipelined
/// PING and DIGITAL_WRITE on 1, 4 and 16 connections, PING through <see cref="NanoTlv.Client.TlvClient"/>, and
/// latency at a paced 1,000 requests per second. Prints markdown tables and PASS/MISS lines; throws only when
/// something breaks (a wrong or missing reply, a server failure), never because of a timing.
/// </summary>
public static class LoopbackSuite
{
    /// <summary>Connection counts of the pipelined runs.</summary>
    public static readonly int[] ConnectionCounts = [1, 4, 16];

    private const int PingPayloadBytes = 8;
    private const double MinimumVersusEcho = 0.5;
    private const double MaxPacedP99Micros = 1000;

    /// <summary>Runs everything and prints it.</summary>
    /// <exception cref="InvalidOperationException">Something broke.</exception>
    public static void Run(LoadSettings settings, TextWriter output, TextWriter progress)
    {
        LoadWorkload[] workloads = [LoadWorkload.Ping(PingPayloadBytes), LoadWorkload.DigitalWrite()];
        var rows = new List<(LoadResult Device, LoadResult Echo)>();

        // The first runs in a process also pay for compiling the load client's code (tiered JIT): one
        // discarded run against each server first, so that neither is measured with a cold client.
        RunOne(true, workloads[0], 1, settings, [], []);
        RunOne(false, workloads[0], 1, settings, [], []);
        foreach (LoadWorkload workload in workloads)
        {
            foreach (int connections in ConnectionCounts)
            {
                var device = new List<LoadResult>();
                var echo = new List<LoadResult>();
                for (int round = 0; round < settings.Rounds; round++)
                {
                    // Alternate which server goes first so a drift in the machine's load does not favour one.
                    bool echoFirst = round % 2 == 0;
                    RunOne(echoFirst, workload, connections, settings, device, echo);
                    RunOne(!echoFirst, workload, connections, settings, device, echo);
                }

                (LoadResult Device, LoadResult Echo) row = (Median(device), Median(echo));
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loopback: {workload.Name} x{connections}: device {row.Device.MessagesPerSecond:N0} msg/s, echo {row.Echo.MessagesPerSecond:N0} msg/s"));
                rows.Add(row);
            }
        }

        LoadResult client;
        using (DeviceUnderLoad device = DeviceUnderLoad.Start(1))
        {
            client = ClientLibraryLoad.RunAsync(device, PingPayloadBytes, settings).GetAwaiter().GetResult();
        }

        LoadWorkload ping = workloads[0];
        LoadResult pacedDevice;
        LoadResult pacedEcho;
        using (DeviceUnderLoad device = DeviceUnderLoad.Start(1))
        {
            pacedDevice = PacedLoad.Run(device, ping, settings);
        }

        using (EchoServer echo = EchoServer.Start())
        {
            pacedEcho = PacedLoad.Run(echo, ping, settings);
        }

        PrintPipelined(output, rows, client, settings);
        PrintPaced(output, pacedDevice, pacedEcho, settings);
        PrintTargets(output, rows, pacedDevice, settings);
    }

    private static void RunOne(bool echoServer, LoadWorkload workload, int connections, LoadSettings settings, List<LoadResult> device, List<LoadResult> echo)
    {
        using IServerUnderLoad server = echoServer ? EchoServer.Start() : DeviceUnderLoad.Start(connections);
        LoadResult result = PipelinedLoad.Run(server, workload, connections, settings);
        (echoServer ? echo : device).Add(result);
    }

    private static LoadResult Median(List<LoadResult> runs) =>
        runs.OrderBy(r => r.MessagesPerSecond).ElementAt((runs.Count - 1) / 2);

    private static void PrintPipelined(TextWriter output, List<(LoadResult Device, LoadResult Echo)> rows, LoadResult client, LoadSettings settings)
    {
        output.WriteLine();
        output.WriteLine($"## End to end over loopback TCP: device vs bare echo server, pipelined ({settings.Depth} requests in flight per connection)");
        output.WriteLine();
        output.WriteLine("| workload | connections | device msg/s | echo msg/s | device / echo | device p50 µs | device p99 µs | echo p50 µs | echo p99 µs |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach ((LoadResult device, LoadResult echo) in rows)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {device.Workload} | {device.Connections} | {device.MessagesPerSecond:N0} | {echo.MessagesPerSecond:N0} | {device.MessagesPerSecond / echo.MessagesPerSecond:0.00} | {Micros(device.Latency.P50Micros)} | {Micros(device.Latency.P99Micros)} | {Micros(echo.Latency.P50Micros)} | {Micros(echo.Latency.P99Micros)} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Through the client library (TlvClient.PingAsync, {client.InFlight} awaiting loops on 1 connection): {client.MessagesPerSecond:N0} msg/s, p50 {Micros(client.Latency.P50Micros)} µs, p99 {Micros(client.Latency.P99Micros)} µs."));
        output.WriteLine();
        output.WriteLine($"msg/s: replies received per second, all connections together, over a {settings.Duration.TotalSeconds:0.#} s window after {settings.WarmUp.TotalSeconds:0.#} s of warm-up; median of {settings.Rounds} run(s) per cell, device and echo alternating. Latency: send to reply of each request, including its wait behind the others in flight. Both servers run in this process with the load client, on the same cores. The echo server sends back what each {EchoServer.ReceiveBufferBytes}-byte receive returns (the request, unchanged); the device parses, dispatches and answers each request (a PING reply is 1 byte longer than its request, a DIGITAL_WRITE reply 1 byte shorter).");
    }

    private static void PrintPaced(TextWriter output, LoadResult device, LoadResult echo, LoadSettings settings)
    {
        output.WriteLine();
        output.WriteLine($"## Latency at a paced {settings.PacedRatePerSecond:N0} requests per second, one connection, {device.Workload}");
        output.WriteLine();
        output.WriteLine("| server | requests/s achieved | round trips measured | p50 µs | p99 µs | p99.9 µs | max µs |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (LoadResult result in new[] { device, echo })
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {result.Server} | {result.MessagesPerSecond:N0} | {result.Latency.Samples:N0} | {Micros(result.Latency.P50Micros)} | {Micros(result.Latency.P99Micros)} | {Micros(result.Latency.P999Micros)} | {Micros(result.Latency.MaxMicros)} |"));
        }

        output.WriteLine();
        output.WriteLine($"Open loop: request i leaves at start + i ms whatever the replies do; {settings.PacedDuration.TotalSeconds:0.#} s measured after {settings.WarmUp.TotalSeconds:0.#} s of warm-up; round trip from the actual send.");
    }

    private static void PrintTargets(TextWriter output, List<(LoadResult Device, LoadResult Echo)> rows, LoadResult pacedDevice, LoadSettings settings)
    {
        output.WriteLine();
        foreach ((LoadResult device, LoadResult echo) in rows.Where(r => r.Device.Connections == 1))
        {
            double ratio = device.MessagesPerSecond / echo.MessagesPerSecond;
            TargetLine.Write(
                output,
                ratio >= MinimumVersusEcho,
                string.Create(CultureInfo.InvariantCulture, $"device >= {MinimumVersusEcho}x the echo server's message rate, pipelined {device.Workload}, 1 connection: {ratio:0.00}x ({device.MessagesPerSecond:N0} vs {echo.MessagesPerSecond:N0} msg/s)"));
        }

        foreach ((LoadResult device, LoadResult echo) in rows.Where(r => r.Device.Connections > 1))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"INFO  {device.Workload}, {device.Connections} connections: device / echo = {device.MessagesPerSecond / echo.MessagesPerSecond:0.00}x"));
        }

        TargetLine.Write(
            output,
            pacedDevice.Latency.P99Micros < MaxPacedP99Micros,
            string.Create(CultureInfo.InvariantCulture, $"p99 < {MaxPacedP99Micros / 1000:0} ms at {settings.PacedRatePerSecond:N0} requests/s, 1 connection, {pacedDevice.Workload}: p99 {Micros(pacedDevice.Latency.P99Micros)} µs (p50 {Micros(pacedDevice.Latency.P50Micros)} µs, {pacedDevice.Latency.Samples:N0} round trips)"));
    }

    private static string Micros(double micros) =>
        micros.ToString(micros < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
