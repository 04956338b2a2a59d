using NanoTlv.Firmware.Board;

namespace NanoTlv.Benchmarks.Budget.Metering;

/// <summary>An <see cref="IDigitalPins"/> that meters the allocations of the one it wraps.</summary>
public sealed class MeteredDigitalPins(IDigitalPins inner) : IDigitalPins
{
    public void SetMode(int pin, GpioMode mode)
    {
        long started = DriverAllocationMeter.Begin();
        inner.SetMode(pin, mode);
        DriverAllocationMeter.End(started);
    }

    public void Write(int pin, bool high)
    {
        long started = DriverAllocationMeter.Begin();
        inner.Write(pin, high);
        DriverAllocationMeter.End(started);
    }

    public bool Read(int pin)
    {
        long started = DriverAllocationMeter.Begin();
        bool high = inner.Read(pin);
        DriverAllocationMeter.End(started);
        return high;
    }

    public void StartChangeEvents(int pin, int debounceMs, IPinChangeListener listener)
    {
        long started = DriverAllocationMeter.Begin();
        inner.StartChangeEvents(pin, debounceMs, listener);
        DriverAllocationMeter.End(started);
    }

    public void StopChangeEvents(int pin)
    {
        long started = DriverAllocationMeter.Begin();
        inner.StopChangeEvents(pin);
        DriverAllocationMeter.End(started);
    }
}
