using NanoTlv.Firmware.Board;

namespace NanoTlv.Benchmarks.Budget.Metering;

/// <summary>An <see cref="II2cBus"/> that meters the allocations of the one it wraps.</summary>
public sealed class MeteredI2cBus(II2cBus inner) : II2cBus
{
    public I2cResult Write(int address, byte[] buffer, int offset, int count)
    {
        long started = DriverAllocationMeter.Begin();
        I2cResult status = inner.Write(address, buffer, offset, count);
        DriverAllocationMeter.End(started);
        return status;
    }

    public I2cResult Read(int address, byte[] buffer, int offset, int count)
    {
        long started = DriverAllocationMeter.Begin();
        I2cResult status = inner.Read(address, buffer, offset, count);
        DriverAllocationMeter.End(started);
        return status;
    }

    public I2cResult WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
    {
        long started = DriverAllocationMeter.Begin();
        I2cResult status = inner.WriteRead(address, writeBuffer, writeOffset, writeCount, readBuffer, readOffset, readCount);
        DriverAllocationMeter.End(started);
        return status;
    }
}
