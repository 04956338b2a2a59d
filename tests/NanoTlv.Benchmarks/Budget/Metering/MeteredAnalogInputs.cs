using NanoTlv.Firmware.Board;

namespace NanoTlv.Benchmarks.Budget.Metering;

/// <summary>An <see cref="IAnalogInputs"/> that meters the allocations of the one it wraps.</summary>
public sealed class MeteredAnalogInputs(IAnalogInputs inner) : IAnalogInputs
{
    public int ResolutionBits
    {
        get
        {
            long started = DriverAllocationMeter.Begin();
            int bits = inner.ResolutionBits;
            DriverAllocationMeter.End(started);
            return bits;
        }
    }

    public int FullScaleMillivolts
    {
        get
        {
            long started = DriverAllocationMeter.Begin();
            int millivolts = inner.FullScaleMillivolts;
            DriverAllocationMeter.End(started);
            return millivolts;
        }
    }

    public int Read(int channel)
    {
        long started = DriverAllocationMeter.Begin();
        int raw = inner.Read(channel);
        DriverAllocationMeter.End(started);
        return raw;
    }
}
