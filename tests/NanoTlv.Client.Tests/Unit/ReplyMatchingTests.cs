using System;
using System.Linq;
using System.Threading.Tasks;
using NanoTlv.Client.Tests.Fakes;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    public sealed class ReplyMatchingTests
    {
        [Fact]
        public async Task Replies_in_reverse_order_still_reach_their_requests_and_are_flagged()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            var events = ClientEvents.Record(client);
            Task<TimeSpan>[] pings = Enumerable.Range(1, 3).Select(i => client.PingAsync(new byte[] { (byte)i, (byte)(i * 2) })).ToArray();
            var requests = new FakeRequest[3];
            for (int i = 0; i < 3; i++)
            {
                requests[i] = await connection.ReadRequestAsync();
            }

            Assert.Equal(new ushort[] { 1, 2, 3 }, requests.Select(r => r.RequestId));
            foreach (FakeRequest request in requests.Reverse())
            {
                await connection.ReplyAsync(request, StatusCode.Ok, request.Arguments);
            }

            await Wait.Within(Task.WhenAll(pings));
            // Replies 3 and 2 overtook waiting requests; reply 1 then came in order.
            string[] violations = ClientEvents.Snapshot<ProtocolViolationEvent>(events).Select(v => v.Description).ToArray();
            Assert.Equal(
                new[] { "the reply to PING (request id 3) came before replies to earlier requests", "the reply to PING (request id 2) came before replies to earlier requests" },
                violations);
        }

        [Fact]
        public async Task Many_requests_are_in_flight_before_any_reply()
        {
            const int Count = 50;
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            Task<TimeSpan>[] pings = Enumerable.Range(0, Count).Select(i => client.PingAsync(BitConverter.GetBytes(i))).ToArray();
            var requests = new FakeRequest[Count];
            for (int i = 0; i < Count; i++)
            {
                requests[i] = await connection.ReadRequestAsync();
            }

            Assert.Equal(Count, client.RequestsInFlight);
            Assert.Equal(Count, requests.Select(r => r.RequestId).Distinct().Count());
            Assert.DoesNotContain(requests, r => r.RequestId == 0);
            foreach (FakeRequest request in requests)
            {
                await connection.ReplyAsync(request, StatusCode.Ok, request.Arguments);
            }

            await Wait.Within(Task.WhenAll(pings));
            Assert.Equal(0, client.RequestsInFlight);
        }

        [Fact]
        public async Task Replies_split_into_tiny_chunks_are_reassembled()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            var random = new Random(42);
            byte[][] payloads = Enumerable.Range(0, 40).Select(i => { var p = new byte[random.Next(0, 120)]; random.NextBytes(p); return p; }).ToArray();
            Task<TimeSpan>[] pings = payloads.Select(p => client.PingAsync(p)).ToArray();
            var stream = new System.IO.MemoryStream();
            for (int i = 0; i < payloads.Length; i++)
            {
                FakeRequest request = await connection.ReadRequestAsync();
                var payload = new byte[4 + request.Arguments.Length];
                payload[0] = 0x82;
                BigEndian.WriteUInt16(payload, 1, request.RequestId);
                request.Arguments.CopyTo(payload, 4);
                stream.Write(new byte[] { 0x72, (byte)(payload.Length >> 8), (byte)payload.Length });
                stream.Write(payload);
            }

            byte[] all = stream.ToArray();
            for (int offset = 0; offset < all.Length;)
            {
                int count = Math.Min(all.Length - offset, random.Next(1, 8));
                await connection.SendRawAsync(all[offset..(offset + count)]);
                offset += count;
            }

            await Wait.Within(Task.WhenAll(pings));
        }

        [Fact]
        public async Task A_reply_with_the_wrong_opcode_fails_its_request_with_a_protocol_error()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            var events = ClientEvents.Record(client);
            Task<TimeSpan> ping = client.PingAsync(new byte[] { 1 });
            FakeRequest request = await connection.ReadRequestAsync();
            await connection.ReplyAsync((byte)Opcode.Info, request.RequestId, StatusCode.Ok);
            var error = await Assert.ThrowsAsync<TlvProtocolException>(() => Wait.Within(ping));
            Assert.Contains("INFO reply", error.Message, StringComparison.Ordinal);
            Assert.Single(ClientEvents.Snapshot<ProtocolViolationEvent>(events));
        }

        [Fact]
        public async Task Unknown_ids_short_payloads_garbage_and_non_replies_are_reported_and_the_client_carries_on()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            var events = ClientEvents.Record(client);
            await connection.ReplyAsync((byte)Opcode.Ping, 999, StatusCode.Ok);
            await connection.SendPayloadAsync(new byte[] { 0x82, 0x00 });
            await connection.SendRawAsync(new byte[] { 0x01, 0x02, 0x03 });
            await connection.SendPayloadAsync(new byte[] { 0x02, 0x00, 0x01, 0x00 });
            Task<TimeSpan> ping = client.PingAsync(new byte[] { 9 });
            FakeRequest request = await connection.ReadRequestAsync();
            await connection.ReplyAsync(request, StatusCode.Ok, 9);
            await Wait.Within(ping);
            string[] descriptions = ClientEvents.Snapshot<ProtocolViolationEvent>(events).Select(v => v.Description).ToArray();
            Assert.Equal(4, descriptions.Length);
            Assert.Contains("request id 999, which is not in flight", descriptions[0], StringComparison.Ordinal);
            Assert.Contains("2-byte payload", descriptions[1], StringComparison.Ordinal);
            Assert.Contains("3 bytes that are not a frame", descriptions[2], StringComparison.Ordinal);
            Assert.Contains("neither a reply nor an event", descriptions[3], StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_reply_too_short_for_its_command_is_a_protocol_error()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            Task<bool> read = client.DigitalReadAsync(4);
            FakeRequest request = await connection.ReadRequestAsync();
            await connection.ReplyAsync(request, StatusCode.Ok);
            var error = await Assert.ThrowsAsync<TlvProtocolException>(() => Wait.Within(read));
            Assert.Contains("DIGITAL_READ reply (request id 1) has 0 data bytes; expected 1 bytes", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_wrong_echo_is_a_protocol_error()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            Task<TimeSpan> ping = client.PingAsync(new byte[] { 1, 2, 3 });
            FakeRequest request = await connection.ReadRequestAsync();
            await connection.ReplyAsync(request, StatusCode.Ok, 1, 2, 4);
            await Assert.ThrowsAsync<TlvProtocolException>(() => Wait.Within(ping));
        }

        [Fact]
        public async Task A_refusal_becomes_a_DeviceException_naming_command_pin_and_status()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            Task write = client.DigitalWriteAsync(6, true);
            FakeRequest request = await connection.ReadRequestAsync();
            await connection.ReplyAsync(request, StatusCode.PinReserved);
            var error = await Assert.ThrowsAsync<DeviceException>(() => Wait.Within(write));
            Assert.Equal("DIGITAL_WRITE on pin 6 failed: PinReserved (the pin is reserved for the module or the firmware)", error.Message);
            Assert.Equal(StatusCode.PinReserved, error.Status);
            Assert.Equal(Opcode.DigitalWrite, error.Opcode);
            Assert.Equal("pin 6", error.Target);
        }

        [Fact]
        public async Task SendRawAsync_returns_refusals_as_replies()
        {
            using var device = new FakeDevice();
            var (client, connection) = await device.ConnectAsync();
            await using var _ = client;
            Task<TlvReply> raw = client.SendRawAsync((Opcode)0x05, new byte[] { 0xAA });
            FakeRequest request = await connection.ReadRequestAsync();
            Assert.Equal("720004050001AA", request.FrameHex);
            await connection.ReplyAsync(request, StatusCode.UnknownOpcode);
            TlvReply reply = await Wait.Within(raw);
            Assert.False(reply.IsOk);
            Assert.Equal(StatusCode.UnknownOpcode, reply.Status);
            Assert.Equal((ushort)1, reply.RequestId);
        }
    }
}
