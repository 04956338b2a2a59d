using NanoTlv.Firmware.Board;

namespace NanoTlv.Benchmarks.Budget.Metering;

/// <summary>An <see cref="ISystemMonitor"/> that meters the allocations of the one it wraps.</summary>
public sealed class MeteredSystemMonitor(ISystemMonitor inner) : ISystemMonitor
{
    public long UptimeMs
    {
        get
        {
            long started = DriverAllocationMeter.Begin();
            long uptime = inner.UptimeMs;
            DriverAllocationMeter.End(started);
            return uptime;
        }
    }

    public uint FreeMemoryBytes
    {
        get
        {
            long started = DriverAllocationMeter.Begin();
            uint free = inner.FreeMemoryBytes;
            DriverAllocationMeter.End(started);
            return free;
        }
    }

    public uint TotalMemoryBytes
    {
        get
        {
            long started = DriverAllocationMeter.Begin();
            uint total = inner.TotalMemoryBytes;
            DriverAllocationMeter.End(started);
            return total;
        }
    }

    public bool TryReadInternalTemperature(out int centiCelsius)
    {
        long started = DriverAllocationMeter.Begin();
        bool present = inner.TryReadInternalTemperature(out centiCelsius);
        DriverAllocationMeter.End(started);
        return present;
    }
}
