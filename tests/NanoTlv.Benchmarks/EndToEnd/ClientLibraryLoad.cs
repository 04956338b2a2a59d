using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Client;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// The same pipelined PING through the host library people use, <see cref="TlvClient"/>: <c>depth</c> loops
/// on one connection, each awaiting <see cref="TlvClient.PingAsync"/> (which checks the echo) and sending the next.
/// Shows what the client library costs on top of the raw load connection.
/// </summary>
public static class ClientLibraryLoad
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs it against the device.</summary>
    /// <exception cref="InvalidOperationException">A ping failed.</exception>
    public static async Task<LoadResult> RunAsync(DeviceUnderLoad device, int payloadBytes, LoadSettings settings)
    {
        byte[] payload = Enumerable.Range(1, payloadBytes).Select(i => (byte)i).ToArray();
        var latencies = new LatencyRecorder(LoadSettings.MaxSamples);
        long completed = 0;
        await using TlvClient client = await TlvClient.ConnectAsync(
            "127.0.0.1", device.Port, new TlvClientOptions { RequestTimeout = Timeout }).ConfigureAwait(false);
        var window = new LoadWindow(settings.WarmUp, settings.Duration);

        async Task LoopAsync()
        {
            while (Stopwatch.GetTimestamp() < window.Stop)
            {
                long sent = Stopwatch.GetTimestamp();
                await client.PingAsync(payload).ConfigureAwait(false);
                long now = Stopwatch.GetTimestamp();
                if (window.Contains(now))
                {
                    latencies.Add(now - sent);
                    Interlocked.Increment(ref completed);
                }
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, settings.Depth).Select(_ => Task.Run(LoopAsync))).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or DeviceConnectionException or TlvProtocolException or DeviceException)
        {
            throw new InvalidOperationException("TlvClient PING against the device failed: " + e.Message, e);
        }

        device.ThrowIfFailed();
        return new LoadResult("device via TlvClient", $"PING {payloadBytes} B", 1, settings.Depth, completed / window.Duration.TotalSeconds, LatencyRecorder.Summarize(latencies));
    }
}
