using System.Threading;

namespace NanoTlv.VirtualDevice.Tests.Virtual;

public sealed class VirtualSystemMonitorTests
{
    private readonly VirtualSystemMonitor _monitor = new();

    [Fact]
    public void Uptime_starts_near_zero_and_advances()
    {
        long first = _monitor.UptimeMs;
        Thread.Sleep(30);
        long second = _monitor.UptimeMs;

        Assert.InRange(first, 0, 1000);
        Assert.True(second - first >= 29, "Uptime advanced " + (second - first) + " ms over a 30 ms sleep.");
    }

    [Fact]
    public void Memory_figures_are_consistent()
    {
        uint total = _monitor.TotalMemoryBytes;
        uint free = _monitor.FreeMemoryBytes;

        Assert.True(total > 0);
        Assert.True(free <= total);
    }

    [Fact]
    public void Internal_temperature_is_settable_and_can_be_missing()
    {
        Assert.True(_monitor.TryReadInternalTemperature(out int centiCelsius));
        Assert.Equal(VirtualSystemMonitor.DefaultInternalCentiCelsius, centiCelsius);

        _monitor.InternalTemperatureCentiCelsius = -1234;
        Assert.True(_monitor.TryReadInternalTemperature(out centiCelsius));
        Assert.Equal(-1234, centiCelsius);

        _monitor.HasInternalTemperatureSensor = false;
        Assert.False(_monitor.TryReadInternalTemperature(out _));
    }
}
