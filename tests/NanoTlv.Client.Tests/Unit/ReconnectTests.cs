using System;
using System.Threading.Tasks;
using NanoTlv.Client.Tests.Fakes;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    public sealed class ReconnectTests
    {
        private static readonly byte[] HelloReply = Convert.FromHexString("01" + "0400" + "00000003" + "000102" + "01" + "04" + "74657374");

        [Fact]
        public async Task ReconnectAsync_restores_hello_subscriptions_and_failsafes()
        {
            using var device = new FakeDevice();
            var (client, first) = await device.ConnectAsync();
            await using var _ = client;
            await Answer(first, client.HelloAsync("tok"), HelloReply);
            await Answer(first, client.SubscribeAsync(4, PinEdges.Falling, 5), []);
            await Answer(first, client.SetFailsafeAsync(23, true), []);
            first.Close();
            Assert.True(await Wait.TryUntilAsync(() => !client.IsConnected));

            Task reconnect = client.ReconnectAsync();
            FakeConnection second = await device.AcceptAsync();
            FakeRequest hello = await second.ReadRequestAsync();
            Assert.Equal(Opcode.Hello, hello.Opcode);
            Assert.Equal("0103746F6B", Convert.ToHexString(hello.Arguments));
            await second.ReplyAsync(hello, StatusCode.Ok, HelloReply);
            FakeRequest subscribe = await second.ReadRequestAsync();
            Assert.Equal((Opcode.Subscribe, "04020005"), (subscribe.Opcode, Convert.ToHexString(subscribe.Arguments)));
            await second.ReplyAsync(subscribe, StatusCode.Ok);
            FakeRequest failsafe = await second.ReadRequestAsync();
            Assert.Equal((Opcode.Failsafe, "1701"), (failsafe.Opcode, Convert.ToHexString(failsafe.Arguments)));
            await second.ReplyAsync(failsafe, StatusCode.Ok);
            await Wait.Within(reconnect);

            Assert.True(client.IsConnected);
            ReconnectedEvent? reconnected = await ClientEvents.NextEventAsync<ReconnectedEvent>(client);
            Assert.Equal(1, reconnected?.Attempts);
        }

        [Fact]
        public async Task AutoReconnect_replaces_a_lost_connection_in_the_background()
        {
            using var device = new FakeDevice();
            var options = new TlvClientOptions { AutoReconnect = true, Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10) } };
            var (client, first) = await device.ConnectAsync(options);
            await using var _ = client;
            first.Close();
            FakeConnection second = await device.AcceptAsync();
            ReconnectedEvent? reconnected = await ClientEvents.NextEventAsync<ReconnectedEvent>(client);
            Assert.NotNull(reconnected);
            await Answer(second, client.PingAsync(new byte[] { 7 }), [7]);
        }

        [Fact]
        public async Task ReconnectAsync_gives_up_after_the_configured_attempts()
        {
            using var device = new FakeDevice();
            var policy = new ReconnectPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) };
            var (client, first) = await device.ConnectAsync(new TlvClientOptions { Reconnect = policy });
            await using var _ = client;
            device.Stop();
            first.Close();
            var error = await Assert.ThrowsAsync<DeviceConnectionException>(() => Wait.Within(client.ReconnectAsync()));
            Assert.Contains("in 3 attempts", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Backoff_grows_exponentially_up_to_the_cap()
        {
            var policy = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), Multiplier = 2, MaxDelay = TimeSpan.FromSeconds(1) };
            int[] delays = new int[7];
            for (int attempt = 0; attempt < delays.Length; attempt++)
            {
                delays[attempt] = (int)policy.DelayBefore(attempt).TotalMilliseconds;
            }

            Assert.Equal(new[] { 0, 100, 200, 400, 800, 1000, 1000 }, delays);
        }

        private static async Task Answer(FakeConnection connection, Task call, byte[] data)
        {
            FakeRequest request = await connection.ReadRequestAsync();
            await connection.ReplyAsync(request, StatusCode.Ok, data);
            await Wait.Within(call);
        }
    }
}
