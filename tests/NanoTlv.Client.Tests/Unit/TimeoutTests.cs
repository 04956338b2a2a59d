using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Client.Tests.Fakes;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    public sealed class TimeoutTests
    {
        [Fact]
        public async Task A_request_without_reply_times_out_and_its_late_reply_is_dropped_quietly()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync(new TlvClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) });
            await using var _ = client;
            var events = ClientEvents.Record(client);
            var watch = Stopwatch.StartNew();
            Task<TimeSpan> ping = client.PingAsync(new byte[] { 5 });
            FakeRequest request = await connection.ReadRequestAsync();
            var error = await Assert.ThrowsAsync<TimeoutException>(() => Wait.Within(ping));
            Assert.InRange(watch.ElapsedMilliseconds, 150, 5000);
            Assert.Equal("PING (request id 1) got no reply within 200 ms.", error.Message);

            await connection.ReplyAsync(request, StatusCode.Ok, 5);
            Assert.True(await Wait.TryUntilAsync(() => client.LateReplies == 1));

            Task<TimeSpan> next = client.PingAsync(new byte[] { 6 });
            FakeRequest nextRequest = await connection.ReadRequestAsync();
            Assert.Equal((ushort)2, nextRequest.RequestId);
            await connection.ReplyAsync(nextRequest, StatusCode.Ok, 6);
            await Wait.Within(next);
            Assert.Empty(ClientEvents.Snapshot<ProtocolViolationEvent>(events));
        }

        [Fact]
        public async Task A_per_call_timeout_overrides_the_client_default()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync(new TlvClientOptions { RequestTimeout = TimeSpan.FromSeconds(30) });
            await using var _ = client;
            var watch = Stopwatch.StartNew();
            Task info = client.InfoAsync(TimeSpan.FromMilliseconds(100));
            await connection.ReadRequestAsync();
            await Assert.ThrowsAsync<TimeoutException>(() => Wait.Within(info));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
        }

        [Fact]
        public async Task Cancelling_a_request_throws_OperationCanceled_and_keeps_the_connection()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            using var cancel = new CancellationTokenSource();
            Task<bool> read = client.DigitalReadAsync(4, null, cancel.Token);
            await connection.ReadRequestAsync();
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Wait.Within(read));
            Assert.True(client.IsConnected);
        }

        [Fact]
        public async Task Connecting_to_a_closed_port_fails_with_DeviceConnectionException()
        {
            int port;
            using (var device = new FakeDevice())
            {
                port = device.Port;
            }

            var error = await Assert.ThrowsAsync<DeviceConnectionException>(() => Wait.Within(TlvClient.ConnectAsync("127.0.0.1", port)));
            Assert.Contains("Cannot connect to 127.0.0.1:" + port, error.Message, StringComparison.Ordinal);
        }
    }
}
