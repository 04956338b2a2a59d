using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using NanoTlv.Firmware.Net;
using NanoTlv.Firmware.Transport;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Limits;

/// <summary>
/// A client that vanishes without FIN or RST (Wi-Fi gone, cable pulled) must free its slot even with no idle timeout
/// (<c>IdleTimeoutMs = 0</c>). Two rules do it, both in the socket adapter: TCP keepalive with the adapter's own timing
/// (the stack ends a silent connection whose peer does not answer its probes) and the send timeout (a connection
/// the device has something to send to and that takes nothing more is dropped). Loopback cannot lose a keepalive
/// probe (the client's kernel answers it even when the client process is frozen), so the first is checked as
/// configuration and the second end to end.
/// </summary>
public sealed class DeadPeerTests
{
    private const int InputPin = 34;
    private const int FailsafePin = 4;
    private const int StormToggles = 400_000;
    private static readonly TimeSpan DropBound = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper _output;

    public DeadPeerTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void AcceptedConnections_HaveKeepAliveOn_WithTheAdaptersTiming()
    {
        using var listener = new CapturingListener();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(IPAddress.Loopback, listener.Port);
        ITransport transport = listener.Accept();
        try
        {
            Socket accepted = listener.Accepted ?? throw new InvalidOperationException("Nothing was accepted.");
            Assert.True(((SocketTransport)transport).KeepAliveTuned, "The stack refused the keepalive timing.");
            Assert.Equal(1, (int)accepted.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
            Assert.Equal(SocketTransport.KeepAliveIdleSeconds, (int)accepted.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!);
            Assert.Equal(SocketTransport.KeepAliveIntervalSeconds, (int)accepted.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)!);
            Assert.Equal(SocketTransport.KeepAliveProbes, (int)accepted.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)!);
            Assert.Equal(60, SocketTransport.KeepAliveIdleSeconds + (SocketTransport.KeepAliveProbes * SocketTransport.KeepAliveIntervalSeconds));
        }
        finally
        {
            transport.Close();
        }
    }

    /// <summary>
    /// With no idle timeout, a subscriber stops reading and sending (a small receive buffer, as a frozen client or a
    /// peer whose window closed): the events for its busy input fill the socket buffers, the device's send stalls,
    /// and the send timeout (10 s) drops it: its failsafe applies and the only slot takes the next client.
    /// </summary>
    [Fact]
    public void ASubscriberThatStopsReading_WithNoIdleTimeout_IsDropped_ItsFailsafeApplies_AndItsSlotIsFree()
    {
        using var device = new RunningDevice(options =>
        {
            options.IdleTimeoutMs = Firmware.DeviceOptions.NoIdleTimeout;
            options.MaxClients = 1;
        });
        RawClient dead = device.Connect(receiveBufferBytes: 1024);
        Requests.ArmFailsafe(dead, FailsafePin, failsafeHigh: true, firstId: 1);
        Requests.Subscribe(dead, InputPin, firstId: 10);

        // From here the client neither reads nor sends. 400,000 changes are 5.2 MB of events: more than the socket
        // buffers of both ends hold (the device side grows to 4 MB on Linux), so the device's send stalls on them.
        var clock = Stopwatch.StartNew();
        var storm = new Thread(() =>
        {
            for (int i = 0; i < StormToggles; i++)
            {
                device.Board.DriveInput(InputPin, i % 2 == 0);
            }
        })
        { IsBackground = true, Name = "dead peer input storm" };
        storm.Start();
        Assert.True(
            Wait.TryUntil(() => device.Board.IsHigh(FailsafePin), DropBound),
            "The subscriber that stopped reading still holds its slot after " + DropBound.TotalSeconds + " s:" + Environment.NewLine + device.Log);
        TimeSpan dropped = clock.Elapsed;
        device.WaitForActiveSessions(0);
        Assert.True(device.Log.Contains("connection failed"), "The dropped session was not logged as failed:" + Environment.NewLine + device.Log);
        using RawClient next = device.ConnectServed();
        Requests.Ping(next, 1);
        Wait.Join(storm, DropBound, "the input storm");
        dead.Abort();
        _output.WriteLine("subscriber that stopped reading: dropped after {0:F1} s, failsafe applied, slot free", dropped.TotalSeconds);
    }

    /// <summary>Keeps the socket the stack accepted, to read its options.</summary>
    private sealed class CapturingListener : SocketTransportListener, IDisposable
    {
        public CapturingListener()
            : base(IPAddress.Loopback, 0, PlatformMaximumBacklog)
        {
        }

        public Socket? Accepted { get; private set; }

        public void Dispose() => Close();

        protected override ITransport CreateTransport(Socket accepted)
        {
            Accepted = accepted;
            return base.CreateTransport(accepted);
        }
    }
}
