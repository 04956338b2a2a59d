using System.Threading.Tasks;
using NanoTlv.Client.Tests.Fakes;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    public sealed class EventTests
    {
        [Fact]
        public async Task Pin_changes_arrive_through_the_stream_and_the_CSharp_event()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            var raised = ClientEvents.Record(client);
            await connection.EventAsync(EventCode.PinChanged, StatusCode.Ok, 0x04, 0x01, 0x00, 0x00, 0x01, 0x00);
            PinChangedEvent? change = await ClientEvents.NextEventAsync<PinChangedEvent>(client);
            Assert.NotNull(change);
            Assert.Equal((4, true, 256u), (change.Pin, change.High, change.DeviceTimestampMs));
            Assert.Single(ClientEvents.Snapshot<PinChangedEvent>(raised));
        }

        [Fact]
        public async Task Framing_errors_are_decoded_for_each_status()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            var raised = ClientEvents.Record(client);
            await connection.EventAsync(EventCode.FramingError, StatusCode.GarbageSkipped, 0x00, 0x00, 0x01, 0x02);
            await connection.EventAsync(EventCode.FramingError, StatusCode.FrameTooLarge, 0x08, 0x00, 0x04, 0x00);
            await connection.EventAsync(EventCode.FramingError, StatusCode.MalformedRequest, 0x00, 0x02);
            await connection.EventAsync(EventCode.FramingError, StatusCode.MalformedRequest, 0x00);
            Assert.True(await Wait.TryUntilAsync(() => ClientEvents.Snapshot<DeviceEvent>(raised).Count == 4));
            var framing = ClientEvents.Snapshot<FramingErrorEvent>(raised);
            Assert.Equal(3, framing.Count);
            Assert.Equal(new FramingErrorEvent(StatusCode.GarbageSkipped, 258, null, null, null) with { ReceivedAt = default }, framing[0] with { ReceivedAt = default });
            Assert.Equal(new FramingErrorEvent(StatusCode.FrameTooLarge, null, 2048, 1024, null) with { ReceivedAt = default }, framing[1] with { ReceivedAt = default });
            Assert.Equal(new FramingErrorEvent(StatusCode.MalformedRequest, null, null, null, 2) with { ReceivedAt = default }, framing[2] with { ReceivedAt = default });
            var violation = Assert.Single(ClientEvents.Snapshot<ProtocolViolationEvent>(raised));
            Assert.Contains("does not match any event layout", violation.Description, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_slow_reader_loses_the_oldest_events_not_the_replies()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync(new TlvClientOptions { EventBufferCapacity = 2 });
            await using var _ = client;
            for (int i = 0; i < 5; i++)
            {
                await connection.EventAsync(EventCode.PinChanged, StatusCode.Ok, (byte)i, 1, 0, 0, 0, 0);
            }

            Task<bool> read = client.DigitalReadAsync(1);
            FakeRequest request = await connection.ReadRequestAsync();
            await connection.ReplyAsync(request, StatusCode.Ok, 1);
            Assert.True(await Wait.Within(read));
            Assert.Equal(3, client.DroppedEvents);
            PinChangedEvent? oldestKept = await ClientEvents.NextEventAsync<PinChangedEvent>(client);
            Assert.Equal(3, oldestKept?.Pin);
        }

        [Fact]
        public void Event_args_print_the_event_they_carry()
        {
            var change = new PinChangedEvent(4, true, 256);
            string text = new DeviceEventArgs(change).ToString();
            Assert.Equal(change.ToString(), text);
            Assert.Contains("PinChangedEvent", text, System.StringComparison.Ordinal);
            Assert.Contains("Pin = 4", text, System.StringComparison.Ordinal);
            Assert.Contains("High = True", text, System.StringComparison.Ordinal);
            Assert.Contains("DeviceTimestampMs = 256", text, System.StringComparison.Ordinal);
            Assert.Contains("ReceivedAt = ", text, System.StringComparison.Ordinal);
        }
    }
}
