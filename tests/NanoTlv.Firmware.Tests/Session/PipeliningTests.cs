using NanoTlv.Firmware.Tests.Support;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Firmware.Tests.Session;

public sealed class PipeliningTests
{
    [Fact]
    public void A_burst_in_one_chunk_is_answered_in_order_with_one_send()
    {
        using var device = new TestDevice();
        byte[] burst = Enumerable.Range(1, 40)
            .SelectMany(id => Hex.Frame([0x02, (byte)(id >> 8), (byte)id, (byte)id]))
            .ToArray();

        var transport = device.Serve(burst);
        var replies = transport.Frames;

        Assert.Equal(40, replies.Count);
        for (int id = 1; id <= 40; id++)
        {
            Assert.Equal(new byte[] { 0x82, 0x00, (byte)id, 0x00, (byte)id }, replies[id - 1]);
        }
    }

    [Fact]
    public void Replies_keep_request_order_across_commands_and_errors()
    {
        using var device = new TestDevice();
        byte[] burst = new[]
        {
            "10 00 01 02 03", "11 00 02 02 01", "7E 00 03", "12 00 04 02", "11 00 05 09 01", "13 00 06 02", "02 00 07",
        }.SelectMany(Hex.FrameOf).ToArray();

        var replies = device.Serve(burst).Frames.Select(frame => Hex.Format(frame)).ToList();

        Assert.Equal(
            ["90 00 01 00", "91 00 02 00", "80 00 03 01", "92 00 04 00 01", "91 00 05 05", "93 00 06 00 00", "82 00 07 00"],
            replies);
    }

    [Fact]
    public void Every_split_of_a_pipelined_stream_gives_the_same_replies()
    {
        byte[] stream = new[] { "02 00 01 11 22", "10 00 02 02 03", "13 00 03 02", "12 00 04 02", "02 00 05" }
            .SelectMany(Hex.FrameOf).ToArray();
        string[] expected = ["82 00 01 00 11 22", "90 00 02 00", "93 00 03 00 01", "92 00 04 00 01", "82 00 05 00"];

        for (int first = 0; first <= stream.Length; first++)
        {
            for (int second = first; second <= stream.Length; second += 3)
            {
                using var device = new TestDevice();
                byte[][] chunks = new[] { stream[..first], stream[first..second], stream[second..] }.Where(chunk => chunk.Length > 0).ToArray();
                var transport = device.Serve(chunks);

                Assert.Equal(expected, transport.Frames.Select(frame => Hex.Format(frame)));
            }
        }
    }

    [Fact]
    public void Many_small_replies_are_batched_into_few_sends()
    {
        using var device = new TestDevice();
        var chunks = Enumerable.Range(0, 20)
            .Select(chunk => Enumerable.Range(0, 60).SelectMany(i => Hex.FrameOf("02 00 01")).ToArray())
            .ToArray();

        var counting = new CountingTransport(chunks);
        Assert.True(device.Server.ServeConnection(counting));

        Assert.Equal(1200, Replies.Split(counting.Sent.ToArray()).Count);
        Assert.InRange(counting.Sends, 20, 40); // 60 replies × 7 bytes = 420 bytes: one send per chunk
    }

    [Fact]
    public void A_ping_larger_than_the_reply_buffer_is_echoed_whole_and_in_order()
    {
        using var device = new TestDevice();
        byte[] data = Enumerable.Range(0, 1021).Select(i => (byte)(i * 7)).ToArray();
        byte[] big = Hex.Frame([0x02, 0x00, 0x02, .. data]);
        byte[] stream = [.. Hex.FrameOf("02 00 01 01"), .. big, .. Hex.FrameOf("02 00 03 03")];

        var replies = device.Serve(stream[..400], stream[400..800], stream[800..]).Frames;

        Assert.Equal(3, replies.Count);
        Assert.Equal("82 00 01 00 01", Hex.Format(replies[0]));
        Assert.Equal([0x82, 0x00, 0x02, 0x00, .. data], replies[1]);
        Assert.Equal("82 00 03 00 03", Hex.Format(replies[2]));
    }

    [Fact]
    public void Ids_are_echoed_verbatim_including_zero_and_ffff()
    {
        using var device = new TestDevice();

        Assert.Equal(["82 00 00 00", "82 FF FF 00", "82 80 01 00"], device.ExchangeHex("02 00 00", "02 FF FF", "02 80 01"));
    }

    private sealed class CountingTransport(byte[][] chunks) : Firmware.Transport.ITransport
    {
        private int _next;

        public List<byte> Sent { get; } = new();

        public int Sends { get; private set; }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_next == chunks.Length)
            {
                return 0;
            }

            byte[] chunk = chunks[_next++];
            Array.Copy(chunk, 0, buffer, offset, chunk.Length);
            return chunk.Length;
        }

        public void Send(byte[] buffer, int offset, int count)
        {
            Sends++;
            Sent.AddRange(buffer.AsSpan(offset, count).ToArray());
        }

        public void Close()
        {
        }
    }
}
