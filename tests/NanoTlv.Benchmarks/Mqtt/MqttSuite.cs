using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using NanoTlv.Benchmarks.Device;
using NanoTlv.Benchmarks.EndToEnd;
using NanoTlv.Benchmarks.Reporting;
using NanoTlv.Bridge;
using NanoTlv.Bridge.Tests.Support;
using NanoTlv.Firmware;
using NanoTlv.Testing;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Benchmarks.Mqtt;

/// <summary>
/// The <c>mqtt</c> verb: N virtual boards behind one <c>tlvctl bridge</c> process and a real Mosquitto, all on
/// this machine. Run 1: every board's input changes at a fixed rate (boards staggered over the period); a
/// subscriber counts the <c>event/gpio</c> messages and their latency from the change on the board. Run 2:
/// <c>cmd/ping</c> round trips through the broker with a few in flight per board. Prints a table and targets.
/// </summary>
public static class MqttSuite
{
    /// <summary>The input every board changes.</summary>
    private const int InputPin = 4;

    private static readonly TimeSpan OnlineTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(2);

    public static void Run(MqttSettings settings, TextWriter output, TextWriter progress) =>
        RunAsync(settings, output, progress).GetAwaiter().GetResult();

    private static async Task RunAsync(MqttSettings settings, TextWriter output, TextWriter progress)
    {
        using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        var boards = new VirtualBoard[settings.Boards];
        var hosts = new VirtualDeviceHost[settings.Boards];
        string devicesFile = Path.Combine(Path.GetTempPath(), "nanotlv-bench-boards-" + Environment.ProcessId + ".txt");
        try
        {
            var lines = new StringBuilder();
            for (int i = 0; i < settings.Boards; i++)
            {
                boards[i] = new VirtualBoard();
                hosts[i] = VirtualDeviceHost.Start(boards[i], new DeviceOptions { DeviceName = BoardName(i) }, TestLog.ErrorsOnly());
                lines.Append("127.0.0.1:").Append(hosts[i].Port).Append(" inputs=").Append(InputPin).Append('\n');
            }

            await File.WriteAllTextAsync(devicesFile, lines.ToString());
            var probe = new EventProbe(settings.Boards);
            var online = new CountdownEvent(settings.Boards);
            var replies = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
            using IMqttClient subscriber = await ConnectSubscriberAsync(broker.Port, probe, online, replies);
            using BridgeProcess bridge = BridgeProcess.Start("--devices", devicesFile, "--broker", "127.0.0.1:" + broker.Port, "--interval", "3600", "--json");
            if (!online.Wait(OnlineTimeout))
            {
                throw new TimeoutException("Only " + (settings.Boards - online.CurrentCount) + " of " + settings.Boards + " boards came online through the bridge.");
            }

            progress.WriteLine("mqtt: " + settings.Boards + " boards online; input changes at " + settings.ChangesPerSecondPerBoard + "/s each");
            EventRun events = RunEvents(settings, boards, probe, bridge, broker);
            progress.WriteLine("mqtt: command round trips, " + settings.CommandsInFlightPerBoard + " in flight per board");
            CommandRun commands = await RunCommandsAsync(settings, subscriber, replies);
            if (bridge.HasExited)
            {
                throw new InvalidOperationException("The bridge process exited during the run.");
            }

            Print(settings, events, commands, output);
        }
        finally
        {
            foreach (VirtualDeviceHost? host in hosts)
            {
                host?.Dispose();
            }

            foreach (VirtualBoard? board in boards)
            {
                board?.Dispose();
            }

            File.Delete(devicesFile);
        }
    }

    private static string BoardName(int index) => "bench-" + index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IMqttClient> ConnectSubscriberAsync(
        int port, EventProbe probe, CountdownEvent online, ConcurrentDictionary<string, TaskCompletionSource<long>> replies)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        var seenOnline = new ConcurrentDictionary<int, bool>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            string[] levels = e.ApplicationMessage.Topic.Split('/');
            int board = int.Parse(levels[1].AsSpan("bench-".Length), System.Globalization.CultureInfo.InvariantCulture);
            switch (levels[2])
            {
                case "event":
                    probe.OnEvent(board, e.ApplicationMessage.ConvertPayloadToString().Contains("\"ON\"", StringComparison.Ordinal));
                    break;
                case "reply" when replies.TryRemove(levels[3], out TaskCompletionSource<long>? reply):
                    reply.TrySetResult(Stopwatch.GetTimestamp());
                    break;
                case "availability" when e.ApplicationMessage.ConvertPayloadToString() == BoardTopics.Online && seenOnline.TryAdd(board, true):
                    online.Signal();
                    break;
                default:
                    break;
            }

            return Task.CompletedTask;
        };
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("bench-subscriber")
            .Build();
        await client.ConnectAsync(options);
        string prefix = BridgeOptions.DefaultTopicPrefix + "/+/";
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(prefix + "event/gpio/#", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(prefix + "reply/#", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(prefix + "availability", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        return client;
    }

    private static EventRun RunEvents(MqttSettings settings, VirtualBoard[] boards, EventProbe probe, BridgeProcess bridge, MosquittoBroker broker)
    {
        long periodTicks = Stopwatch.Frequency / settings.ChangesPerSecondPerBoard;
        long staggerTicks = periodTicks / settings.Boards;
        var levels = new bool[settings.Boards];
        var recorder = new LatencyRecorder(LoadSettings.MaxSamples);
        long start = Stopwatch.GetTimestamp();
        long measureFrom = start + (long)(settings.WarmUp.TotalSeconds * Stopwatch.Frequency);
        long end = measureFrom + (long)(settings.EventDuration.TotalSeconds * Stopwatch.Frequency);
        var next = new long[settings.Boards];
        for (int i = 0; i < settings.Boards; i++)
        {
            next[i] = start + i * staggerTicks;
        }

        bool measuring = false;
        long madeAtStart = 0, receivedAtStart = 0;
        TimeSpan bridgeCpuAtStart = TimeSpan.Zero, brokerCpuAtStart = TimeSpan.Zero;
        long lateChanges = 0;
        while (true)
        {
            long now = Stopwatch.GetTimestamp();
            if (!measuring && now >= measureFrom)
            {
                measuring = true;
                probe.RecordInto(recorder);
                madeAtStart = probe.Made;
                receivedAtStart = probe.Received;
                bridgeCpuAtStart = bridge.ProcessorTime;
                brokerCpuAtStart = broker.ProcessorTime;
            }

            if (now >= end)
            {
                break;
            }

            for (int i = 0; i < settings.Boards; i++)
            {
                if (now >= next[i])
                {
                    if (now - next[i] > periodTicks)
                    {
                        lateChanges++;
                    }

                    levels[i] = !levels[i];
                    probe.Changing(i, levels[i]);
                    boards[i].DriveInput(InputPin, levels[i]);
                    next[i] += periodTicks;
                }
            }

            Thread.Sleep(1);
        }

        long made = probe.Made - madeAtStart;
        long receivedInWindow = probe.Received - receivedAtStart;
        TimeSpan bridgeCpu = bridge.ProcessorTime - bridgeCpuAtStart;
        TimeSpan brokerCpu = broker.ProcessorTime - brokerCpuAtStart;
        long workingSet = bridge.WorkingSetBytes;
        Thread.Sleep(DrainTime);
        probe.RecordInto(null);
        return new EventRun(
            made,
            receivedInWindow,
            probe.Made - probe.Received,
            probe.Mismatches,
            lateChanges,
            LatencyRecorder.Summarize(recorder),
            bridgeCpu.TotalSeconds / settings.EventDuration.TotalSeconds,
            brokerCpu.TotalSeconds / settings.EventDuration.TotalSeconds,
            workingSet,
            bridge.PeakWorkingSetBytes,
            settings.EventDuration.TotalSeconds);
    }

    private static async Task<CommandRun> RunCommandsAsync(MqttSettings settings, IMqttClient client, ConcurrentDictionary<string, TaskCompletionSource<long>> replies)
    {
        var recorder = new LatencyRecorder(LoadSettings.MaxSamples);
        using var stop = new CancellationTokenSource(settings.CommandDuration);
        long completed = 0;
        long failed = 0;
        int sequence = 0;
        async Task LoopAsync(int board)
        {
            string topic = BridgeOptions.DefaultTopicPrefix + "/" + BoardName(board) + "/cmd/ping";
            while (!stop.IsCancellationRequested)
            {
                string id = "c" + Interlocked.Increment(ref sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var reply = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                replies[id] = reply;
                long sent = Stopwatch.GetTimestamp();
                await client.PublishStringAsync(topic, "{\"id\":\"" + id + "\"}", MqttQualityOfServiceLevel.AtLeastOnce);
                try
                {
                    long received = await reply.Task.WaitAsync(TimeSpan.FromSeconds(10));
                    recorder.Add(received - sent);
                    Interlocked.Increment(ref completed);
                }
                catch (TimeoutException)
                {
                    replies.TryRemove(id, out _);
                    Interlocked.Increment(ref failed);
                }
            }
        }

        long started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, settings.Boards * settings.CommandsInFlightPerBoard).Select(i => Task.Run(() => LoopAsync(i % settings.Boards))));
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new CommandRun(completed, failed, completed / seconds, LatencyRecorder.Summarize(recorder));
    }

    private static void Print(MqttSettings settings, EventRun events, CommandRun commands, TextWriter output)
    {
        int target = settings.Boards * settings.ChangesPerSecondPerBoard;
        double deliveredPerSecond = events.ReceivedInWindow / events.Seconds;
        double madePerSecond = events.Made / events.Seconds;
        output.WriteLine();
        output.WriteLine("## MQTT bridge: " + settings.Boards + " boards, inputs changing at " + settings.ChangesPerSecondPerBoard + " Hz each, " + events.Seconds + " s measured");
        output.WriteLine();
        output.WriteLine("| changes made /s | events delivered /s | lost or unmatched | p50 ms | p99 ms | p99.9 ms | max ms | bridge CPU (cores) | broker CPU (cores) | bridge RSS MB (peak) |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine("| " + F(madePerSecond, "N0") + " | " + F(deliveredPerSecond, "N0") + " | " + (events.Lost + events.Mismatches)
            + " | " + Ms(events.Latency.P50Micros) + " | " + Ms(events.Latency.P99Micros) + " | " + Ms(events.Latency.P999Micros) + " | " + Ms(events.Latency.MaxMicros)
            + " | " + F(events.BridgeCores, "0.00") + " | " + F(events.BrokerCores, "0.00") + " | " + F(events.WorkingSetBytes / 1048576.0, "0") + " (" + F(events.PeakWorkingSetBytes / 1048576.0, "0") + ") |");
        output.WriteLine();
        output.WriteLine("| command round trips /s (cmd/ping → reply) | in flight | failed | p50 ms | p99 ms | max ms |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|");
        output.WriteLine("| " + F(commands.PerSecond, "N0") + " | " + (settings.Boards * settings.CommandsInFlightPerBoard) + " | " + commands.Failed
            + " | " + Ms(commands.Latency.P50Micros) + " | " + Ms(commands.Latency.P99Micros) + " | " + Ms(commands.Latency.MaxMicros) + " |");
        output.WriteLine();
        if (events.LateChanges > 0)
        {
            output.WriteLine("note: " + events.LateChanges + " input changes were made more than one period late (the driver thread was starved)");
        }

        TargetLine.Write(output, deliveredPerSecond >= target * 0.99 && events.Lost == 0 && events.Mismatches == 0,
            "events delivered: " + F(deliveredPerSecond, "N0") + "/s of " + target + "/s target, " + events.Lost + " lost, " + events.Mismatches + " unmatched");
        TargetLine.Write(output, events.Latency.P99Micros < 50_000, "event latency p99 " + Ms(events.Latency.P99Micros) + " ms (target < 50 ms)");
        if (commands.Completed == 0)
        {
            throw new InvalidOperationException("No command round trip completed.");
        }
    }

    private static string F(double value, string format) => TargetLine.Format(value, format);

    private static string Ms(double micros) => TargetLine.Format(micros / 1000.0, "0.00");

    private sealed record EventRun(
        long Made, long ReceivedInWindow, long Lost, long Mismatches, long LateChanges, LatencySummary Latency,
        double BridgeCores, double BrokerCores, long WorkingSetBytes, long PeakWorkingSetBytes, double Seconds);

    private sealed record CommandRun(long Completed, long Failed, double PerSecond, LatencySummary Latency);
}
