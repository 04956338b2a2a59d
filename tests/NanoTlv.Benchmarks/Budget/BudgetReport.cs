using System;
using System.IO;
using System.Linq;
using NanoTlv.Benchmarks.Device;
using NanoTlv.Benchmarks.Reporting;
using NanoTlv.Firmware;

namespace NanoTlv.Benchmarks.Budget;

/// <summary>
/// The <c>budget</c> verb: what the firmware core preallocates (per slot and in all) and what every command
/// allocates once warm, as markdown tables, with the 0-byte targets as PASS/MISS lines.
/// </summary>
public static class BudgetReport
{
    /// <summary>Measures and prints everything.</summary>
    /// <exception cref="InvalidOperationException">A reply was wrong or the device logged an error.</exception>
    public static void Run(TextWriter output)
    {
        ServerConstruction[] servers = PreallocationBudget.MeasureServers();
        long boardBytes = PreallocationBudget.MeasureVirtualBoard();
        long optionsBytes = PreallocationBudget.MeasureOptions();
        CommandAllocation[] commands = DeviceCommands.All.Select(SteadyStateAllocation.Measure).ToArray();

        PrintPreallocation(output, servers, boardBytes, optionsBytes);
        PrintCommands(output, commands);
        PrintTargets(output, servers, commands);
    }

    private static void PrintPreallocation(TextWriter output, ServerConstruction[] servers, long boardBytes, long optionsBytes)
    {
        output.WriteLine();
        output.WriteLine("## Device budget: start-up preallocation (firmware core on a virtual ESP32 DevKit)");
        output.WriteLine();
        output.WriteLine("| MaxClients | MaxPayloadBytes | SessionPreallocatedBytes (buffers of one slot) | buffers of all slots | .NET bytes allocated by new DeviceServer | objects / fields / arrays / strings / runtime objects held | primitive array bytes held | nanoFramework estimate (model) |");
        output.WriteLine("|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (ServerConstruction s in servers)
        {
            ObjectCensus c = s.Census;
            output.WriteLine($"| {s.MaxClients} | {s.MaxPayloadBytes} | {s.SessionPreallocatedBytes} | {(long)s.SessionPreallocatedBytes * s.MaxClients} | {s.AllocatedBytes} | {c.Objects} / {c.Fields} / {c.Arrays} / {c.Strings} / {c.RuntimeObjects} | {c.PrimitiveArrayBytes} | ≈ {c.NanoFrameworkBytes} |");
        }

        ServerConstruction one = servers[0];
        ServerConstruction four = servers[1];
        long perSlot = (four.AllocatedBytes - one.AllocatedBytes) / (four.MaxClients - one.MaxClients);
        long fixedPart = one.AllocatedBytes - perSlot;
        long nanoPerSlot = (four.Census.NanoFrameworkBytes - one.Census.NanoFrameworkBytes) / (four.MaxClients - one.MaxClients);
        output.WriteLine();
        output.WriteLine($"Default payload ({DeviceOptions.DefaultMaxPayloadBytes} B): on .NET one slot costs {perSlot} B (of which {one.SessionPreallocatedBytes} B are buffer contents), the shared part {fixedPart} B, so 4 slots = {fixedPart + (4 * perSlot)} B in all; nanoFramework estimate ≈ {nanoPerSlot} B per slot, ≈ {four.Census.NanoFrameworkBytes} B in all with 4 slots.");
        output.WriteLine($"Not counted above: the virtual board and its drivers ({boardBytes} B on .NET, host-only), the DeviceOptions object ({optionsBytes} B, the caller's), one worker thread per slot started by Run, and the socket objects of each accepted connection.");
        output.WriteLine("Counted on the constructing thread with GC.GetAllocatedBytesForCurrentThread after one throw-away construction (type loading and static tables excluded). .NET x64 object headers are 16 B and array headers 24 B; nanoFramework uses 12-byte heap blocks (one per object header and one per field), so the object part differs while the buffers carry over byte for byte. The estimate column is a model of that layout, not a measurement on the device.");
    }

    private static void PrintCommands(TextWriter output, CommandAllocation[] commands)
    {
        output.WriteLine();
        output.WriteLine("## Device budget: bytes allocated per command in steady state (.NET, session thread)");
        output.WriteLine();
        output.WriteLine("| command | steps measured | B/command, session thread | of which virtual drivers | device path (core) B/command | attempts (B over all steps) | target | verdict |");
        output.WriteLine("|---|---:|---:|---:|---:|---|---|---|");
        foreach (CommandAllocation a in commands)
        {
            string target = a.Command.ZeroAllocationRequired ? "0 (required)" : "0 (goal)";
            string verdict = a.ThreadBytes - a.DriverBytes == 0 ? "PASS" : "MISS";
            output.WriteLine($"| {a.Command.Label} | {a.Steps} | {TargetLine.Format(a.TotalPerCommand, "0.##")} | {TargetLine.Format(a.DriverPerCommand, "0.##")} | {TargetLine.Format(a.CorePerCommand, "0.##")} | {string.Join(", ", a.AttemptThreadBytes)} | {target} | {verdict} |");
        }

        output.WriteLine();
        output.WriteLine($"Each command on a fresh device, warmed up, then repeated; GC.GetAllocatedBytesForCurrentThread sampled by the in-memory connection at each receive; best of {SteadyStateAllocation.Attempts} attempts. Driver calls are bracketed the same way, so 'device path' = session thread less virtual drivers. A step with '+' also sends the named companion request (both counted). Work done on other threads (a PULSE's end, pin-change events) is not counted.");
    }

    private static void PrintTargets(TextWriter output, ServerConstruction[] servers, CommandAllocation[] commands)
    {
        output.WriteLine();
        CommandAllocation[] required = commands.Where(c => c.Command.ZeroAllocationRequired).ToArray();
        CommandAllocation[] allocating = commands.Where(c => c.ThreadBytes - c.DriverBytes != 0).ToArray();
        CommandAllocation[] requiredAllocating = required.Intersect(allocating).ToArray();
        TargetLine.Write(
            output,
            requiredAllocating.Length == 0,
            $"0 B allocated per command on the device path for {string.Join(", ", required.Select(c => c.Command.Label))}"
            + (requiredAllocating.Length == 0 ? string.Empty : ": " + Describe(requiredAllocating)));
        TargetLine.Write(
            output,
            allocating.Length == 0,
            $"0 B allocated per command on the device path for all {commands.Length} commands"
            + (allocating.Length == 0 ? string.Empty : ": " + Describe(allocating)));
        ServerConstruction defaults = servers[1];
        output.WriteLine($"INFO  SessionPreallocatedBytes with the defaults: {defaults.SessionPreallocatedBytes} B per slot, {(long)defaults.SessionPreallocatedBytes * defaults.MaxClients} B of buffers for {defaults.MaxClients} slots; new DeviceServer allocated {defaults.AllocatedBytes} B on .NET");
    }

    private static string Describe(CommandAllocation[] commands) =>
        string.Join("; ", commands.Select(c => $"{c.Command.Label} {TargetLine.Format(c.CorePerCommand, "0.##")} B"));
}
