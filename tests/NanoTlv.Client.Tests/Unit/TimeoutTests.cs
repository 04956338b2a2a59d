using System;
using System.Diagnostics;
using System.Linq;
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
        // 400 x 60 KB = 24 MB: far more than loopback's socket buffers on both ends hold.
        private const int StalledWrites = 400;
        private const int LargePingBytes = 60_000;

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
            var (client, _) = await device.ConnectAsync(new TlvClientOptions { RequestTimeout = TimeSpan.FromSeconds(30) });
            await using var _ = client;
            var watch = Stopwatch.StartNew();
            Task info = client.InfoAsync(TimeSpan.FromMilliseconds(100));

            // The race this test once lost: a collection while the request waits finalized the fake device's socket,
            // which the test no longer referenced, and the client saw "connection reset" (DeviceConnectionException).
            // The fake device now owns its connections; the collection stays here to prove it every run.
            await Task.Yield();
            GC.Collect();
            GC.WaitForPendingFinalizers();

            // The request itself is not awaited at the fake device: on a loaded machine the 100 ms can pass before
            // the client has taken its write lock, and then, rightly, nothing is sent (see the next test).
            var error = await Assert.ThrowsAsync<TimeoutException>(() => Wait.Within(info));
            Assert.Equal("INFO (request id 1) got no reply within 100 ms.", error.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
            Assert.Equal(0, client.RequestsInFlight);
            Assert.True(client.IsConnected);
        }

        [Fact]
        public async Task A_timeout_that_expires_before_the_request_is_written_is_a_TimeoutException_and_a_cancellation_there_is_OperationCanceled()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync(new TlvClientOptions { RequestTimeout = TimeSpan.FromSeconds(30) });
            await using var _ = client;

            // The fake device does not read: large PINGs fill the socket buffers, one write blocks holding the
            // client's write lock, and later requests wait for it, unwritten.
            Task[] blocking = Enumerable.Range(0, StalledWrites).Select(_ => (Task)client.PingAsync(new byte[LargePingBytes])).ToArray();
            Task info = client.InfoAsync(TimeSpan.FromMilliseconds(100));
            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => Wait.Within(info));
            Assert.Equal("INFO (request id " + (StalledWrites + 1) + ") got no reply within 100 ms.", timeout.Message);

            using var cancel = new CancellationTokenSource();
            Task<bool> read = client.DigitalReadAsync(4, TimeSpan.FromSeconds(30), cancel.Token);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Wait.Within(read));

            Assert.Equal(StalledWrites, client.RequestsInFlight);
            Assert.All(blocking, task => Assert.False(task.IsCompleted));
            await client.DisposeAsync();
            foreach (Task ping in blocking)
            {
                await Assert.ThrowsAsync<DeviceConnectionException>(() => Wait.Within(ping));
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-5)]
        public async Task A_per_call_timeout_that_is_neither_positive_nor_infinite_is_refused_before_anything_is_sent(int milliseconds)
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.InfoAsync(TimeSpan.FromMilliseconds(milliseconds)));
            Assert.Contains("The request timeout must be positive or infinite", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, client.RequestsInFlight);

            Task<TimeSpan> ping = client.PingAsync(new byte[] { 9 });
            FakeRequest request = await connection.ReadRequestAsync();
            Assert.Equal(Opcode.Ping, request.Opcode);
            Assert.Equal((ushort)1, request.RequestId);
            await connection.ReplyAsync(request, StatusCode.Ok, 9);
            await Wait.Within(ping);
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
