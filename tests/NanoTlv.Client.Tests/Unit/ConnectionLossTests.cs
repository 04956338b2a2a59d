using System;
using System.Linq;
using System.Threading.Tasks;
using NanoTlv.Client.Tests.Fakes;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    public sealed class ConnectionLossTests
    {
        [Fact]
        public async Task Losing_the_connection_fails_every_request_in_flight()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            Task<TimeSpan>[] pings = Enumerable.Range(0, 5).Select(i => client.PingAsync(new byte[] { (byte)i })).ToArray();
            for (int i = 0; i < pings.Length; i++)
            {
                await connection.ReadRequestAsync();
            }

            connection.Close();
            foreach (Task<TimeSpan> ping in pings)
            {
                var error = await Assert.ThrowsAsync<DeviceConnectionException>(() => Wait.Within(ping));
                Assert.Contains("lost", error.Message, StringComparison.Ordinal);
            }

            ConnectionLostEvent? lost = await ClientEvents.NextEventAsync<ConnectionLostEvent>(client);
            Assert.NotNull(lost);
            Assert.False(lost.WillReconnect);
            Assert.False(client.IsConnected);
            await Assert.ThrowsAsync<DeviceConnectionException>(() => Wait.Within(client.PingAsync(new byte[] { 1 })));
        }

        [Fact]
        public async Task A_rejected_connection_says_so()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            Task<DeviceHello> hello = client.HelloAsync();
            await connection.ReadRequestAsync();
            await connection.EventAsync(EventCode.ConnectionRejected, StatusCode.Busy, 4);
            connection.Close();
            var error = await Assert.ThrowsAsync<DeviceConnectionException>(() => Wait.Within(hello));
            Assert.Contains("rejected the connection: all 4 connection slots are in use", error.Message, StringComparison.Ordinal);
            ConnectionRejectedEvent? rejected = await ClientEvents.NextEventAsync<ConnectionRejectedEvent>(client);
            Assert.Equal(4, rejected?.MaxClients);
        }

        [Fact]
        public async Task Disposing_fails_requests_in_flight_and_ends_the_event_stream()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            Task<DeviceInfo> info = client.InfoAsync();
            await connection.ReadRequestAsync();
            Task<int> drain = Task.Run(async () =>
            {
                int count = 0;
                await foreach (DeviceEvent unused in client.Events())
                {
                    count++;
                }

                return count;
            });
            await client.DisposeAsync();
            await Assert.ThrowsAsync<DeviceConnectionException>(() => Wait.Within(info));
            Assert.Equal(0, await Wait.Within(drain));
            await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PingAsync());
        }
    }
}
