using System.Net;
using System.Net.Sockets;
using System.Threading;
using NanoTlv.Firmware;
using NanoTlv.Firmware.Net;
using NanoTlv.Firmware.Transport;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Reliability.Tests.Limits;

/// <summary>
/// Accept can fail after the kernel accepted the connection: configuring the new socket throws (on lwIP when the
/// peer reset it before Accept). The accepted socket is then nobody's but the listener's, and it must close it;
/// the server logs the failure and goes on accepting.
/// </summary>
public sealed class AcceptFaultTests
{
    [Fact]
    public void ConfiguringAnAcceptedSocketFails_TheSocketIsClosed_AndTheServerGoesOn()
    {
        using var board = new VirtualBoard();
        var log = new TestLog();
        var server = new DeviceServer(board.Services, new DeviceOptions(), log);
        var listener = new FaultInjectingListener();
        var serverThread = new Thread(() => server.Run(listener)) { IsBackground = true, Name = "accept fault server" };
        serverThread.Start();
        try
        {
            using RawClient refused = RawClient.Connect(listener.Port);
            Assert.True(refused.WaitClosedByDevice(Wait.Long), "The connection whose configuration failed was not closed.");
            Socket failed = listener.FailedSocket ?? throw new InvalidOperationException("The listener injected no fault.");
            Assert.Throws<ObjectDisposedException>(() => failed.Available);
            Wait.Until(() => log.Contains("server: accept failed: injected"), Wait.Long, "the failure is logged");

            using RawClient next = RawClient.Connect(listener.Port);
            Assert.Equal(StatusCode.Ok, Wire.StatusOf(next.Call(Wire.Request(Opcode.Ping, 1))));
        }
        finally
        {
            server.Stop();
            Wait.Join(serverThread, Wait.Long, "the server stops");
        }
    }

    /// <summary>Fails the first connection's configuration, as a reset before Accept does on some stacks.</summary>
    private sealed class FaultInjectingListener : SocketTransportListener
    {
        private int _faults = 1;

        public FaultInjectingListener()
            : base(IPAddress.Loopback, 0, PlatformMaximumBacklog)
        {
        }

        public Socket? FailedSocket { get; private set; }

        protected override ITransport CreateTransport(Socket accepted)
        {
            if (Interlocked.Decrement(ref _faults) >= 0)
            {
                FailedSocket = accepted;
                throw new SocketException((int)SocketError.ConnectionReset, "injected: connection reset before accept");
            }

            return base.CreateTransport(accepted);
        }
    }
}
