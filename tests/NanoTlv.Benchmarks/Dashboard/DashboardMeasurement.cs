using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using NanoTlv.Benchmarks.EndToEnd;
using NanoTlv.Dashboard;
using NanoTlv.Dashboard.Tests.Infrastructure;
using NanoTlv.Firmware;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Benchmarks.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against <see cref="BoardCount"/> virtual boards (verb <c>dashboard</c>):
/// page load time (navigation to the first snapshot drawn, and the browser's load event), then event-to-screen
/// latency while every board's input 4 changes <see cref="EventsPerSecondPerBoard"/> times a second. The time of
/// a change is taken on the host just before the virtual board's input is driven; the time it is on screen is the
/// next animation frame after the page changed the pin's level cell (a MutationObserver in the page records it
/// with performance.timeOrigin + performance.now()). Host and browser read the same system clock; the offset
/// between them is measured and printed. A measurement, not a pass/fail test.
/// </summary>
public static class DashboardMeasurement
{
    public const int BoardCount = 16;
    public const int EventsPerSecondPerBoard = 10;
    public const int InputPin = 4;
    private const int PageLoads = 5;

    private const string ObserverScript = """
        const suffix = '-pin-' + arguments[0];
        window.latencySamples = [];
        new MutationObserver(records => {
          const changed = [];
          for (const record of records) {
            const row = record.target.closest('tr');
            if (row && row.id.endsWith(suffix)) changed.push([row.id, record.target.dataset.level]);
          }
          if (changed.length === 0) return;
          requestAnimationFrame(() => {
            const frame = performance.timeOrigin + performance.now();
            for (const [row, level] of changed) window.latencySamples.push([row, level, frame]);
          });
        }).observe(document.getElementById('boards'), { attributes: true, attributeFilter: ['data-level'], subtree: true });
        """;

    public static void Run(bool shortRun, TextWriter output)
    {
        TimeSpan duration = TimeSpan.FromSeconds(shortRun ? 3 : 20);
        var boards = new List<(VirtualBoard Board, VirtualDeviceHost Host)>();
        try
        {
            for (int i = 0; i < BoardCount; i++)
            {
                var board = new VirtualBoard();
                var options = new DeviceOptions { DeviceName = "board-" + i.ToString("D2", CultureInfo.InvariantCulture) };
                boards.Add((board, VirtualDeviceHost.Start(board, options, new ConsoleLog(TextWriter.Null, "device"))));
            }

            var dashboardOptions = new DashboardOptions
            {
                Boards = boards.Select(b => new BoardEndpoint("127.0.0.1", b.Host.Port, null)).ToArray(),
                InputPins = [InputPin],
                OutputPins = [23],
                AdcPins = [34],
            };
            DashboardServer server = DashboardServer.StartAsync(dashboardOptions).GetAwaiter().GetResult();
            try
            {
                using HeadlessChromium browser = HeadlessChromium.Start();
                output.WriteLine($"Dashboard: {BoardCount} virtual boards, headless {browser.Driver.Capabilities.GetCapability("browserVersion")}, {Environment.ProcessorCount} cores");
                MeasurePageLoad(browser, server, output);
                MeasureEventToScreen(browser, boards.Select(b => b.Board).ToArray(), duration, output);
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            foreach ((VirtualBoard board, VirtualDeviceHost host) in boards)
            {
                host.Dispose();
                board.Dispose();
            }
        }
    }

    private static void MeasurePageLoad(HeadlessChromium browser, DashboardServer server, TextWriter output)
    {
        HeadlessChromium.WaitUntil(() => server.Snapshot().All(board => board.Connection == NanoTlv.Dashboard.Boards.ConnectionState.Connected), TimeSpan.FromSeconds(30), "every board connected");
        var toSnapshot = new List<double>();
        var loadEvent = new List<double>();
        for (int load = 0; load < PageLoads + 1; load++)
        {
            browser.Driver.Navigate().GoToUrl("about:blank");
            var elapsed = Stopwatch.StartNew();
            browser.Driver.Navigate().GoToUrl(server.Address);
            HeadlessChromium.WaitUntil(() => browser.Run("return document.documentElement.dataset.stream;") as string == "live", TimeSpan.FromSeconds(30), "the first snapshot drawn");
            double drawn = elapsed.Elapsed.TotalMilliseconds;
            double loaded = Convert.ToDouble(browser.Run("return performance.getEntriesByType('navigation')[0].loadEventEnd;"), CultureInfo.InvariantCulture);
            if (load > 0)
            {
                // The first load warms up the browser, the JIT and the server; it is not counted.
                toSnapshot.Add(drawn);
                loadEvent.Add(loaded);
            }
        }

        int cards = Convert.ToInt32(browser.Run("return document.querySelectorAll('.board').length;"), CultureInfo.InvariantCulture);
        int rows = Convert.ToInt32(browser.Run("return document.querySelectorAll('tr[id]').length;"), CultureInfo.InvariantCulture);
        output.WriteLine($"Page load ({PageLoads} loads after one warm-up; {cards} cards, {rows} pin rows): navigation to first snapshot drawn median {Median(toSnapshot):F0} ms (min {toSnapshot.Min():F0}, max {toSnapshot.Max():F0}); load event median {Median(loadEvent):F0} ms");
    }

    private static void MeasureEventToScreen(HeadlessChromium browser, VirtualBoard[] boards, TimeSpan duration, TextWriter output)
    {
        browser.Run(ObserverScript, InputPin);
        var clock = Stopwatch.StartNew();
        double epochAtStart = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        double HostNow() => epochAtStart + clock.Elapsed.TotalMilliseconds;
        double offset = ClockOffset(browser, HostNow);

        var injected = new List<(int Board, bool High, double AtMs)>();
        var levels = new bool[boards.Length];
        Array.Fill(levels, true);
        double periodMs = 1000.0 / (EventsPerSecondPerBoard * boards.Length);
        long steps = (long)(duration.TotalMilliseconds / periodMs);
        double firstAt = clock.Elapsed.TotalMilliseconds + 200;
        for (long step = 0; step < steps; step++)
        {
            double due = firstAt + (step * periodMs);
            while (clock.Elapsed.TotalMilliseconds < due)
            {
                Thread.Sleep(due - clock.Elapsed.TotalMilliseconds > 2 ? 1 : 0);
            }

            int board = (int)(step % boards.Length);
            levels[board] = !levels[board];
            injected.Add((board, levels[board], HostNow()));
            boards[board].DriveInput(InputPin, levels[board]);
        }

        Thread.Sleep(1000);
        var seen = ((IEnumerable<object>)browser.Run("return window.latencySamples;")!)
            .Cast<IReadOnlyList<object>>()
            .Select(sample => (Row: (string)sample[0], Level: (string)sample[1], AtMs: Convert.ToDouble(sample[2], CultureInfo.InvariantCulture) - offset))
            .ToArray();
        var recorder = new LatencyRecorder(injected.Count);
        int missed = 0;
        for (int board = 0; board < boards.Length; board++)
        {
            string row = "b" + board + "-pin-" + InputPin;
            var shown = seen.Where(sample => sample.Row == row).ToArray();
            int next = 0;
            foreach ((int _, bool high, double atMs) in injected.Where(change => change.Board == board))
            {
                string level = high ? "1" : "0";
                while (next < shown.Length && (shown[next].Level != level || shown[next].AtMs < atMs - 2))
                {
                    next++;
                }

                if (next == shown.Length)
                {
                    missed++;
                    continue;
                }

                recorder.Add((long)((shown[next].AtMs - atMs) * Stopwatch.Frequency / 1000.0));
                next++;
            }
        }

        LatencySummary summary = LatencyRecorder.Summarize(recorder);
        output.WriteLine($"Event to screen ({boards.Length} boards x {EventsPerSecondPerBoard} events/s for {duration.TotalSeconds:F0} s = {injected.Count} changes; host-browser clock offset {offset:F2} ms, corrected): "
            + $"p50 {summary.P50Micros / 1000:F1} ms, p99 {summary.P99Micros / 1000:F1} ms, max {summary.MaxMicros / 1000:F1} ms; {summary.Samples} matched, {missed} not seen on screen");
        if (missed > 0 || summary.Samples == 0)
        {
            throw new InvalidOperationException(missed + " of " + injected.Count + " changes never reached the screen.");
        }
    }

    /// <summary>Browser clock minus host clock, from the round trip with the smallest delay of a few tries.</summary>
    private static double ClockOffset(HeadlessChromium browser, Func<double> hostNow)
    {
        double bestRoundTrip = double.MaxValue;
        double offset = 0;
        for (int i = 0; i < 20; i++)
        {
            double before = hostNow();
            double browserNow = Convert.ToDouble(browser.Run("return performance.timeOrigin + performance.now();"), CultureInfo.InvariantCulture);
            double after = hostNow();
            if (after - before < bestRoundTrip)
            {
                bestRoundTrip = after - before;
                offset = browserNow - ((before + after) / 2);
            }
        }

        return offset;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
