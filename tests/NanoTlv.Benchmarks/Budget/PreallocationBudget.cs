using System;
using NanoTlv.Benchmarks.Device;
using NanoTlv.Firmware;
using NanoTlv.Testing;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Benchmarks.Budget;

/// <summary>
/// What the firmware core allocates at start-up: <see cref="GC.GetAllocatedBytesForCurrentThread"/> around
/// <c>new DeviceServer(...)</c> on an already-built virtual board (the board and its drivers are measured on
/// their own, and the <see cref="DeviceOptions"/> object is built before), after one throw-away construction so
/// that one-time costs (type loading, static tables such as the message catalogue) are not counted.
/// Worker threads (started by Run, one per slot) and per-connection socket objects are not included.
/// </summary>
public static class PreallocationBudget
{
    /// <summary>The (MaxClients, MaxPayloadBytes) pairs measured; the first two give the per-slot cost.</summary>
    public static readonly (int Clients, int Payload)[] Configurations =
    [
        (1, DeviceOptions.DefaultMaxPayloadBytes),
        (DeviceOptions.DefaultMaxClients, DeviceOptions.DefaultMaxPayloadBytes),
        (DeviceOptions.DefaultMaxClients, 4096),
        (16, DeviceOptions.DefaultMaxPayloadBytes),
    ];

    /// <summary>Bytes <c>new VirtualBoard()</c> allocated (the virtual drivers: not device code).</summary>
    public static long MeasureVirtualBoard()
    {
        new VirtualBoard().Dispose();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var board = new VirtualBoard();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        board.Dispose();
        return allocated;
    }

    /// <summary>Bytes <c>new DeviceOptions()</c> allocated (no failsafe levels: its level table is empty until one is set).</summary>
    public static long MeasureOptions()
    {
        _ = new DeviceOptions();
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = new DeviceOptions();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Measures every configuration of <see cref="Configurations"/>.</summary>
    public static ServerConstruction[] MeasureServers()
    {
        using var board = new VirtualBoard();
        var log = TestLog.ErrorsOnly();
        Construct(board, new DeviceOptions(), log).Stop();
        var results = new ServerConstruction[Configurations.Length];
        for (int i = 0; i < Configurations.Length; i++)
        {
            var options = new DeviceOptions { MaxClients = Configurations[i].Clients, MaxPayloadBytes = Configurations[i].Payload };
            long before = GC.GetAllocatedBytesForCurrentThread();
            DeviceServer server = Construct(board, options, log);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            ObjectCensus census = ObjectCensus.Take(
                server,
                [board.Services, board.Description, board.Digital, board.Analog, board.Pwm, board.I2c, board.System, log, options]);
            results[i] = new ServerConstruction(options.MaxClients, options.MaxPayloadBytes, server.SessionPreallocatedBytes, allocated, census);
            server.Stop();
        }

        return results;
    }

    private static DeviceServer Construct(VirtualBoard board, DeviceOptions options, TestLog log) => new(board.Services, options, log);
}
