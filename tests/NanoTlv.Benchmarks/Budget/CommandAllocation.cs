using NanoTlv.Benchmarks.Device;

namespace NanoTlv.Benchmarks.Budget;

/// <summary>What one command allocates in steady state, measured on the session's thread.</summary>
/// <param name="Command">The command.</param>
/// <param name="Steps">Steps measured per attempt (after warm-up).</param>
/// <param name="ThreadBytes">Bytes the session thread allocated over the steps (attempt with the least).</param>
/// <param name="DriverBytes">Of those, bytes allocated inside virtual driver calls.</param>
/// <param name="AttemptThreadBytes">Thread bytes of every attempt.</param>
public sealed record CommandAllocation(DeviceCommand Command, int Steps, long ThreadBytes, long DriverBytes, long[] AttemptThreadBytes)
{
    /// <summary>Bytes per command, all of the session thread.</summary>
    public double TotalPerCommand => (double)ThreadBytes / Steps;

    /// <summary>Bytes per command inside the virtual drivers.</summary>
    public double DriverPerCommand => (double)DriverBytes / Steps;

    /// <summary>Bytes per command of the firmware core (the device path): total less drivers.</summary>
    public double CorePerCommand => (double)(ThreadBytes - DriverBytes) / Steps;
}
