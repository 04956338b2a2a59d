using System;
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

    [Fact]
    public void Advance_moves_uptime_forward_without_waiting()
    {
        long before = _monitor.UptimeMs;

        _monitor.Advance(60_000);

        Assert.InRange(_monitor.UptimeMs - before, 60_000, 61_000);
        Assert.Throws<ArgumentOutOfRangeException>(() => _monitor.Advance(-1));
    }

    [Fact]
    public void A_frozen_uptime_stands_still_until_advanced()
    {
        _monitor.Freeze(0x01020304);
        Thread.Sleep(20);
        Assert.Equal(0x01020304, _monitor.UptimeMs);

        _monitor.Advance(0x11);

        Assert.Equal(0x01020315, _monitor.UptimeMs);
    }

    [Fact]
    public void Set_memory_figures_replace_the_heap_figures()
    {
        _monitor.FreeMemoryBytes = 81920;
        _monitor.TotalMemoryBytes = 131072;

        Assert.Equal(81920u, _monitor.FreeMemoryBytes);
        Assert.Equal(131072u, _monitor.TotalMemoryBytes);
    }
}
