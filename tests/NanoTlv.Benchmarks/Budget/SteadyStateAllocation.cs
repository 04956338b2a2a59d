using System;
using System.Linq;
using NanoTlv.Benchmarks.Device;

namespace NanoTlv.Benchmarks.Budget;

/// <summary>
/// Bytes allocated per command once warm: a connection repeats one command step (see
/// <see cref="DeviceCommand.Companions"/>), the connection samples <see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// at every receive, and the bytes between the end of the warm-up and the last step are divided by the steps.
/// The board's drivers are metered (<see cref="Metering.DriverAllocationMeter"/>), so the virtual drivers' own
/// allocations are told apart from the core's. Only the session's thread is counted: work a command leaves to
/// other threads (a PULSE's end, pin-change events) is not. Each device is fresh, so commands do not interact.
/// </summary>
public static class SteadyStateAllocation
{
    private const int WarmUpSteps = 64;
    private const int MeasuredSteps = 1024;
    private const int SlowWarmUpSteps = 2;
    private const int SlowMeasuredSteps = 8;
    private const int VerifiedSteps = 4;

    /// <summary>Attempts per command; the least is reported (see <see cref="Measure"/>).</summary>
    public const int Attempts = 3;

    /// <summary>
    /// Measures one command. The runtime can charge a thread for the unused rest of an allocation context now
    /// and then (kilobytes at once, with no allocation in the measured code), so the attempt with the fewest
    /// bytes is kept and all attempts are reported.
    /// </summary>
    /// <exception cref="InvalidOperationException">A reply was wrong or the device logged an error.</exception>
    public static CommandAllocation Measure(DeviceCommand command)
    {
        bool slow = DeviceCommands.IsSlow(command);
        int warmUp = slow ? SlowWarmUpSteps : WarmUpSteps;
        int measured = slow ? SlowMeasuredSteps : MeasuredSteps;
        using BenchmarkDevice device = BenchmarkDevice.Start(metered: true);
        device.ServeAndVerify(command, VerifiedSteps);
        RepeatingRequestTransport connection = device.Connection(command, warmUp + measured);
        connection.SampleAllocations = true;

        var threadBytes = new long[Attempts];
        var driverBytes = new long[Attempts];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            device.Serve(connection);
            threadBytes[attempt] = connection.ThreadAllocatedBetween(warmUp, warmUp + measured);
            driverBytes[attempt] = connection.DriverAllocatedBetween(warmUp, warmUp + measured);
        }

        device.ThrowIfErrorsLogged();
        int least = Array.IndexOf(threadBytes, threadBytes.Min());
        return new CommandAllocation(command, measured, threadBytes[least], driverBytes[least], threadBytes);
    }
}
