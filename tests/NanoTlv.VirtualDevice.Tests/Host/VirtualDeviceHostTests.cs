using System;
using System.IO;
using System.Net.Sockets;
using NanoTlv.Firmware;

namespace NanoTlv.VirtualDevice.Tests.Host;

public sealed class VirtualDeviceHostTests
{
    private static readonly ConsoleLog Log = new(TextWriter.Null, "device");

    [Fact]
    public void A_host_that_owns_its_board_disposes_it_after_the_server_stopped()
    {
        var board = new VirtualBoard();
        VirtualDeviceHost host = VirtualDeviceHost.StartOwning(board, new DeviceOptions(), Log);
        Assert.Same(board, host.Board);
        Assert.False(board.IsDisposed);

        host.Dispose();

        Assert.True(board.IsDisposed);
        Assert.Null(host.Failure);
    }

    [Fact]
    public void A_start_that_throws_disposes_the_board_it_was_handed()
    {
        var board = new VirtualBoard();

        Assert.Throws<ArgumentException>(() => VirtualDeviceHost.StartOwning(board, new DeviceOptions { MaxClients = 0 }, Log));

        Assert.True(board.IsDisposed, "The board's GPIO event thread outlived the failed start.");
    }

    [Fact]
    public void A_start_on_a_taken_port_disposes_the_board_it_was_handed()
    {
        using VirtualDeviceHost first = VirtualDeviceHost.StartOwning(new VirtualBoard(), new DeviceOptions(), Log);
        var board = new VirtualBoard();

        Assert.Throws<SocketException>(() => VirtualDeviceHost.StartOwning(board, new DeviceOptions(), Log, first.Port));

        Assert.True(board.IsDisposed);
    }

    [Fact]
    public void A_host_leaves_a_board_it_does_not_own_to_its_caller()
    {
        using var board = new VirtualBoard();

        VirtualDeviceHost.Start(board, new DeviceOptions(), Log).Dispose();

        Assert.False(board.IsDisposed);
        using VirtualDeviceHost again = VirtualDeviceHost.Start(board, new DeviceOptions(), Log);
        Assert.Same(board, again.Board);
    }
}
