using System;
using NanoTlv.Firmware.Board;

namespace NanoTlv.Benchmarks.Budget.Metering;

/// <summary>
/// Counts the bytes a board's drivers allocate, per thread: every driver call made through the wrappers from
/// <see cref="Wrap"/> is bracketed by <see cref="GC.GetAllocatedBytesForCurrentThread"/>. What a session's
/// thread allocated minus what its driver calls allocated is what the firmware core allocated.
/// </summary>
public sealed class DriverAllocationMeter
{
    [ThreadStatic]
    private static long _allocatedBytes;

    /// <summary>Bytes allocated inside driver calls made on the calling thread so far.</summary>
    public long AllocatedBytes() => _allocatedBytes;

    /// <summary>The same board with every driver wrapped.</summary>
    public BoardServices Wrap(BoardServices board) => new(
        board.Description,
        new MeteredDigitalPins(board.Digital),
        new MeteredAnalogInputs(board.Analog),
        new MeteredPwmOutputs(board.Pwm),
        new MeteredI2cBus(board.I2c),
        new MeteredSystemMonitor(board.System));

    /// <summary>Starts metering a driver call.</summary>
    public static long Begin() => GC.GetAllocatedBytesForCurrentThread();

    /// <summary>Ends metering a driver call started at <paramref name="started"/>.</summary>
    public static void End(long started) => _allocatedBytes += GC.GetAllocatedBytesForCurrentThread() - started;
}
