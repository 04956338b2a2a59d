using System;
using System.Linq;
using System.Threading;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// A closed-loop pipelined run: <c>connections</c> <see cref="PipelinedConnection"/>s start together, warm up,
/// are measured over the same window and drain. Messages per second = replies received in the window, all
/// connections together, divided by the window.
/// </summary>
public static class PipelinedLoad
{
    private static readonly TimeSpan DrainAllowance = TimeSpan.FromSeconds(30);

    /// <summary>Runs the load against <paramref name="server"/>.</summary>
    /// <exception cref="InvalidOperationException">A reply was wrong or missing, or the server failed.</exception>
    public static LoadResult Run(IServerUnderLoad server, LoadWorkload workload, int connections, LoadSettings settings)
    {
        bool echo = server is EchoServer;
        var recorders = Enumerable.Range(0, connections).Select(_ => new LatencyRecorder(LoadSettings.MaxSamples / connections)).ToArray();
        var load = new PipelinedConnection[connections];
        try
        {
            for (int i = 0; i < connections; i++)
            {
                load[i] = new PipelinedConnection(server.Port, echo ? workload.ForEcho(i) : workload.ForDevice(i), settings.Depth, recorders[i]);
            }

            LoadWindow? window = null;
            using var go = new ManualResetEventSlim(false);
            Thread[] threads = load.Select(connection => new Thread(() =>
            {
                go.Wait();
                connection.Run(window!);
            })
            { IsBackground = true, Name = "load connection" }).ToArray();
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            window = new LoadWindow(settings.WarmUp, settings.Duration);
            go.Set();
            TimeSpan limit = settings.WarmUp + settings.Duration + DrainAllowance;
            foreach (Thread thread in threads)
            {
                if (!thread.Join(limit))
                {
                    throw new InvalidOperationException($"A {server.Name} load connection did not finish within {limit.TotalSeconds} s.");
                }
            }

            if (load.Select(c => c.Failure).FirstOrDefault(f => f is not null) is Exception failure)
            {
                throw new InvalidOperationException($"{workload.Name} against the {server.Name} failed: {failure.Message}", failure);
            }

            server.ThrowIfFailed();
            double perSecond = load.Sum(c => c.CompletedInWindow) / window.Duration.TotalSeconds;
            return new LoadResult(server.Name, workload.Name, connections, settings.Depth, perSecond, LatencyRecorder.Summarize(recorders));
        }
        finally
        {
            foreach (PipelinedConnection? connection in load)
            {
                connection?.Dispose();
            }
        }
    }
}
