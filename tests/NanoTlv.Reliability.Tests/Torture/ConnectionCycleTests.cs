using System.Diagnostics;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Torture;

/// <summary>
/// 1,000 connect/disconnect cycles (CI; × NANOTLV_TORTURE_SCALE) in four styles (PING then FIN, PING then RST,
/// connect and close at once, partial frame then RST) must leave no thread, socket or managed memory behind and
/// every slot free. Resources are measured after a warm-up, with full collections; the device log keeps only
/// its newest lines so that it does not count as growth.
/// </summary>
public sealed class ConnectionCycleTests
{
    private const int CiCycles = 1_000;
    private const int WarmUpCycles = 50;
    private const int ThreadTolerance = 2;
    private const int SocketTolerance = 0;

    /// <summary>256 KB: a leak of 256 bytes per connection over 1,000 cycles fails.</summary>
    private const long ManagedGrowthToleranceBytes = 256 * 1024;

    private readonly ITestOutputHelper _output;

    public ConnectionCycleTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void ThousandConnectDisconnectCycles_LeakNoThreadsSocketsOrMemory()
    {
        Assert.True(ResourceSnapshot.CanCountSockets, "This test counts sockets through /proc/self/fd (Linux).");
        int cycles = ReliabilitySettings.Scaled(CiCycles);
        using var device = new RunningDevice(logCapacity: 64);
        RunCycles(device, WarmUpCycles);
        device.WaitForActiveSessions(0);
        ResourceSnapshot before = ResourceSnapshot.Take();

        var clock = Stopwatch.StartNew();
        int rejected = RunCycles(device, cycles);
        clock.Stop();

        device.WaitForActiveSessions(0);
        ResourceSnapshot after = ResourceSnapshot.Take();
        if (after.Sockets > before.Sockets + SocketTolerance)
        {
            // Closing is asynchronous on the device side; give it a bounded moment before judging.
            Wait.TryUntil(() => ResourceSnapshot.CountSockets() <= before.Sockets + SocketTolerance, Wait.Long);
            after = ResourceSnapshot.Take();
        }

        _output.WriteLine("{0} cycles in {1:F1} s ({2:F0} connections/s); {3} reconnects turned away while earlier sessions were still closing",
            cycles, clock.Elapsed.TotalSeconds, cycles / clock.Elapsed.TotalSeconds, rejected);
        _output.WriteLine("before: " + before);
        _output.WriteLine("after:  " + after);
        _output.WriteLine("growth: {0} threads, {1} sockets, {2:N0} managed bytes; device log lines {3}, errors {4}",
            after.Threads - before.Threads, after.Sockets - before.Sockets, after.ManagedBytes - before.ManagedBytes, device.Log.Count, device.Log.ErrorCount);

        Assert.Equal(0, device.Server.ActiveSessions);
        Assert.True(after.Sockets <= before.Sockets + SocketTolerance, "Sockets leaked: " + before.Sockets + " before, " + after.Sockets + " after.");
        Assert.True(after.Threads <= before.Threads + ThreadTolerance, "Threads leaked: " + before.Threads + " before, " + after.Threads + " after.");
        Assert.True(after.ManagedBytes - before.ManagedBytes <= ManagedGrowthToleranceBytes,
            "Managed memory grew by " + (after.ManagedBytes - before.ManagedBytes) + " bytes over " + cycles + " connections.");

        using RawClient client = device.ConnectServed();
        InfoCounters info = InfoCounters.Read(client);
        Assert.Equal(1, info.Clients);
    }

    [Fact]
    public void ConcurrentCyclesBeyondMaxClients_AreServedOrRejected_AndLeakNothing()
    {
        const int Threads = 6;
        int cyclesPerThread = ReliabilitySettings.Scaled(CiCycles / Threads);
        using var device = new RunningDevice(logCapacity: 64);
        RunCycles(device, WarmUpCycles);
        device.WaitForActiveSessions(0);
        ResourceSnapshot before = ResourceSnapshot.Take();

        int served = 0;
        int rejected = 0;
        var failures = new List<Exception>();
        var clock = Stopwatch.StartNew();
        Thread[] workers = Enumerable.Range(0, Threads).Select(worker => new Thread(() =>
        {
            try
            {
                for (int cycle = 0; cycle < cyclesPerThread; cycle++)
                {
                    using RawClient client = device.Connect();
                    ushort id = (ushort)((worker * 10000) + cycle + 1);
                    client.SendFrame(Wire.Request(Opcode.Ping, id));
                    byte[] first = client.ReadFrame();
                    if (first[0] == (byte)EventCode.ConnectionRejected)
                    {
                        Assert.Equal(Wire.Event(EventCode.ConnectionRejected, StatusCode.Busy, (byte)device.Options.MaxClients), first);
                        Assert.True(client.WaitClosedByDevice(Wait.Long), "A rejected connection was not closed.");
                        Interlocked.Increment(ref rejected);
                    }
                    else
                    {
                        Assert.Equal(Wire.Reply(Opcode.Ping, id, StatusCode.Ok), first);
                        Interlocked.Increment(ref served);
                        if (cycle % 2 == 0)
                        {
                            client.Abort();
                        }
                    }
                }
            }
            catch (Exception e)
            {
                lock (failures)
                {
                    failures.Add(e);
                }
            }
        })
        { IsBackground = true, Name = "cycler " + worker }).ToArray();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            Wait.Join(worker, TimeSpan.FromMinutes(3), worker.Name!);
        }

        clock.Stop();
        Assert.Empty(failures);
        device.WaitForActiveSessions(0);
        Wait.TryUntil(() => ResourceSnapshot.CountSockets() <= before.Sockets, Wait.Long);
        ResourceSnapshot after = ResourceSnapshot.Take();
        _output.WriteLine("{0} threads x {1} cycles in {2:F1} s: {3} served, {4} rejected", Threads, cyclesPerThread, clock.Elapsed.TotalSeconds, served, rejected);
        _output.WriteLine("before: " + before);
        _output.WriteLine("after:  " + after);

        Assert.Equal(Threads * cyclesPerThread, served + rejected);
        Assert.True(after.Sockets <= before.Sockets + SocketTolerance, "Sockets leaked: " + before.Sockets + " before, " + after.Sockets + " after.");
        Assert.True(after.Threads <= before.Threads + ThreadTolerance, "Threads leaked: " + before.Threads + " before, " + after.Threads + " after.");
        Assert.True(after.ManagedBytes - before.ManagedBytes <= ManagedGrowthToleranceBytes,
            "Managed memory grew by " + (after.ManagedBytes - before.ManagedBytes) + " bytes.");
    }

    /// <summary>Runs the cycles; returns how many connections were turned away because the slots of
    /// connections the client had already closed were not free yet (the device notices a close asynchronously).</summary>
    private static int RunCycles(RunningDevice device, int cycles)
    {
        int rejected = 0;
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            RawClient client = device.Connect();
            ushort id = (ushort)(cycle + 1);
            switch (cycle % 4)
            {
                case 0:
                    rejected += PingOrRejected(device, client, id) ? 0 : 1;
                    client.Dispose();
                    break;
                case 1:
                    rejected += PingOrRejected(device, client, id) ? 0 : 1;
                    client.Abort();
                    break;
                case 2:
                    client.Dispose();
                    break;
                default:
                    client.Send(Wire.RequestFrame(Opcode.Ping, id, 1, 2, 3, 4)[..5]);
                    client.Abort();
                    break;
            }
        }

        return rejected;
    }

    private static bool PingOrRejected(RunningDevice device, RawClient client, ushort id)
    {
        client.SendFrame(Wire.Request(Opcode.Ping, id, (byte)id));
        byte[] first = client.ReadFrame();
        if (first[0] == (byte)EventCode.ConnectionRejected)
        {
            Assert.Equal(Wire.Event(EventCode.ConnectionRejected, StatusCode.Busy, (byte)device.Options.MaxClients), first);
            return false;
        }

        Assert.Equal(Wire.Reply(Opcode.Ping, id, StatusCode.Ok, (byte)id), first);
        return true;
    }
}
