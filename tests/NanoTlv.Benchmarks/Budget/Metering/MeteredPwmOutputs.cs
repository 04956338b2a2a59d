using NanoTlv.Firmware.Board;

namespace NanoTlv.Benchmarks.Budget.Metering;

/// <summary>An <see cref="IPwmOutputs"/> that meters the allocations of the one it wraps.</summary>
public sealed class MeteredPwmOutputs(IPwmOutputs inner) : IPwmOutputs
{
    public bool Start(int pin, int frequencyHz, int dutyTenThousandths)
    {
        long started = DriverAllocationMeter.Begin();
        bool running = inner.Start(pin, frequencyHz, dutyTenThousandths);
        DriverAllocationMeter.End(started);
        return running;
    }

    public void Stop(int pin)
    {
        long started = DriverAllocationMeter.Begin();
        inner.Stop(pin);
        DriverAllocationMeter.End(started);
    }
}
