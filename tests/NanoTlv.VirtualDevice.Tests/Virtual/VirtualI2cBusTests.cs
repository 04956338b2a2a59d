using System;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice.Tests.TestSupport;

namespace NanoTlv.VirtualDevice.Tests.Virtual;

public sealed class VirtualI2cBusTests
{
    private readonly VirtualI2cBus _bus = new();
    private readonly RecordingI2cDevice _device = new();
    private readonly byte[] _buffer = new byte[8];

    public VirtualI2cBusTests() => _bus.Attach(0x40, _device);

    [Fact]
    public void An_address_without_a_device_does_not_acknowledge()
    {
        Assert.Equal(I2cResult.NoAcknowledge, _bus.Write(0x41, [1], 0, 1));
        Assert.Equal(I2cResult.NoAcknowledge, _bus.Read(0x41, _buffer, 0, 1));
        Assert.Equal(I2cResult.NoAcknowledge, _bus.WriteRead(0x41, [1], 0, 1, _buffer, 0, 1));
        Assert.Empty(_device.Writes);
    }

    [Fact]
    public void Writes_reach_the_device_with_offset_and_count()
    {
        Assert.Equal(I2cResult.Ok, _bus.Write(0x40, [9, 1, 2, 3, 9], 1, 3));

        Assert.Equal([1, 2, 3], Assert.Single(_device.Writes));
    }

    [Fact]
    public void Write_read_writes_then_reads_into_the_offset()
    {
        Assert.Equal(I2cResult.Ok, _bus.WriteRead(0x40, [0x10], 0, 1, _buffer, 2, 3));

        Assert.Equal([0x10], Assert.Single(_device.Writes));
        Assert.Equal(new byte[] { 0, 0, 0xA0, 0xA1, 0xA2, 0, 0, 0 }, _buffer);
    }

    [Fact]
    public void A_zero_length_write_probes_the_address()
    {
        Assert.Equal(I2cResult.Ok, _bus.Write(0x40, [], 0, 0));
        Assert.Equal(I2cResult.NoAcknowledge, _bus.Write(0x10, [], 0, 0));
    }

    [Fact]
    public void Detached_devices_stop_acknowledging()
    {
        Assert.True(_bus.Detach(0x40));

        Assert.False(_bus.IsAttached(0x40));
        Assert.Equal(I2cResult.NoAcknowledge, _bus.Read(0x40, _buffer, 0, 1));
        Assert.False(_bus.Detach(0x40));
    }

    [Fact]
    public void A_simulated_bus_fault_fails_every_transfer()
    {
        _bus.SimulateBusError = true;

        Assert.Equal(I2cResult.BusError, _bus.Read(0x40, _buffer, 0, 1));
        Assert.Equal(I2cResult.BusError, _bus.Write(0x41, [1], 0, 1));
        Assert.Equal(0, _device.Reads);
    }

    [Fact]
    public void Two_devices_cannot_share_an_address() =>
        Assert.Throws<InvalidOperationException>(() => _bus.Attach(0x40, new RecordingI2cDevice()));

    [Fact]
    public void Transfers_are_counted()
    {
        _bus.Read(0x40, _buffer, 0, 1);
        _bus.Write(0x12, [1], 0, 1);
        _bus.WriteRead(0x40, [1], 0, 1, _buffer, 0, 1);

        Assert.Equal(3, _bus.TransferCount);
    }

    [Fact]
    public void Misuse_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _bus.Read(0x80, _buffer, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _bus.Read(0x40, _buffer, 6, 3));
        Assert.Throws<ArgumentNullException>(() => _bus.Write(0x40, null!, 0, 0));
    }
}
