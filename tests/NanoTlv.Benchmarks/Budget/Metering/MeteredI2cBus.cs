using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Benchmarks.Budget.Metering;

/// <summary>An <see cref="II2cBus"/> that meters the allocations of the one it wraps.</summary>
public sealed class MeteredI2cBus(II2cBus inner) : II2cBus
{
    public StatusCode Write(int address, byte[] buffer, int offset, int count)
    {
        long started = DriverAllocationMeter.Begin();
        StatusCode status = inner.Write(address, buffer, offset, count);
        DriverAllocationMeter.End(started);
        return status;
    }

    public StatusCode Read(int address, byte[] buffer, int offset, int count)
    {
        long started = DriverAllocationMeter.Begin();
        StatusCode status = inner.Read(address, buffer, offset, count);
        DriverAllocationMeter.End(started);
        return status;
    }

    public StatusCode WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
    {
        long started = DriverAllocationMeter.Begin();
        StatusCode status = inner.WriteRead(address, writeBuffer, writeOffset, writeCount, readBuffer, readOffset, readCount);
        DriverAllocationMeter.End(started);
        return status;
    }
}
