using System;
using System.Collections.Generic;
using NanoTlv.Framing;
using NanoTlv.PortableTests.Framing;
using Xunit;

namespace NanoTlv.Tests.Framing;

/// <summary>
/// What only the push form (<see cref="FrameExtractor.Feed(byte[], int, int, IFrameHandler)"/>) has: its argument
/// checks, its return value, handlers that throw or call back, and mixing it with the pull form. That both forms
/// report the same events for every chunking is checked by every case that uses a <see cref="ChunkFeeder"/>.
/// </summary>
public class FrameExtractorPushTests
{
    private const int MaxPayloadBytes = 64;

    [Fact]
    public void Feed_with_a_null_handler_is_refused_before_anything_is_consumed()
    {
        var extractor = new FrameExtractor(MaxPayloadBytes);
        byte[] chunk = new TestStream().Frame(3, 1).ToArray();

        var error = Assert.Throws<ArgumentNullException>(() => extractor.Feed(chunk, 0, chunk.Length, null!));

        Assert.Equal("handler", error.ParamName);
        Assert.Equal(0, extractor.BytesReceived);
        Assert.Equal(0, extractor.PendingBytes);
        var handler = new Recorder();
        Assert.True(extractor.Feed(chunk, 0, chunk.Length, handler));
        Assert.Equal("F3", handler.Events);
    }

    [Fact]
    public void Whole_frames_are_handed_out_in_the_chunk_and_spanning_ones_in_the_extractors_buffer()
    {
        var stream = new TestStream().Frame(4, 1).Frame(10, 2);
        byte[] bytes = stream.ToArray();
        var extractor = new FrameExtractor(MaxPayloadBytes);
        var handler = new Recorder();
        byte[] first = bytes[..12];
        byte[] second = bytes[12..];

        Assert.True(extractor.Feed(first, 0, first.Length, handler));
        Assert.True(extractor.Feed(second, 0, second.Length, handler));

        Assert.Equal("F4 F10", handler.Events);
        Assert.Same(first, handler.Buffers[0]);
        Assert.Equal(3, handler.Offsets[0]);
        Assert.NotSame(first, handler.Buffers[1]);
        Assert.NotSame(second, handler.Buffers[1]);
        Assert.Equal(0, handler.Offsets[1]);
        Assert.Equal(stream.Payload(0), handler.Payloads[0]);
        Assert.Equal(stream.Payload(1), handler.Payloads[1]);
    }

    [Fact]
    public void A_zero_length_frame_that_ends_the_chunk_is_delivered_in_the_same_call()
    {
        byte[] chunk = new TestStream().Frame(2, 1).Frame(0, 0).ToArray();
        var extractor = new FrameExtractor(MaxPayloadBytes);
        var handler = new Recorder();

        Assert.True(extractor.Feed(chunk, 0, chunk.Length, handler));

        Assert.Equal("F2 F0", handler.Events);
        Assert.False(extractor.IsFrameInProgress);
    }

    [Fact]
    public void A_strict_extractor_returns_false_at_the_first_violation_after_delivering_the_frames_before_it()
    {
        byte[] chunk = new TestStream().Frame(2, 1).Garbage(3).Frame(5, 2).ToArray();
        var extractor = new FrameExtractor(MaxPayloadBytes, strict: true);
        var handler = new Recorder();

        Assert.False(extractor.Feed(chunk, 0, chunk.Length, handler));

        Assert.Equal("F2", handler.Events);
        Assert.Equal(FrameFault.UnexpectedByte, extractor.Fault);
        Assert.Equal(chunk.Length - 5, extractor.PendingBytes);
        Assert.Equal(FrameReadResult.Faulted, extractor.Next());
    }

    [Fact]
    public void Resync_episodes_and_oversized_frames_reach_the_handler_in_stream_order()
    {
        byte[] chunk = new TestStream().Garbage(4).Frame(1, 1).Oversized(MaxPayloadBytes + 10).Frame(2, 2).ToArray();
        var extractor = new FrameExtractor(MaxPayloadBytes);
        var handler = new Recorder();

        Assert.True(extractor.Feed(chunk, 0, chunk.Length, handler));

        Assert.Equal($"R4 F1 T{MaxPayloadBytes + 10} F2", handler.Events);
        Assert.Equal(1, extractor.Resyncs);
        Assert.Equal(1, extractor.OversizedFrames);
        Assert.Equal(MaxPayloadBytes + 10, extractor.DiscardedBytes);
    }

    [Fact]
    public void A_handler_that_throws_loses_no_frame_the_rest_of_the_chunk_stays_pending_for_Next()
    {
        var stream = new TestStream().Frame(1, 1).Frame(2, 2).Frame(3, 3);
        byte[] chunk = stream.ToArray();
        var extractor = new FrameExtractor(MaxPayloadBytes);
        var handler = new Recorder { ThrowOnFrame = 2 };

        var error = Assert.Throws<InvalidOperationException>(() => extractor.Feed(chunk, 0, chunk.Length, handler));

        Assert.Equal("handler failed on frame 2", error.Message);
        Assert.Equal("F1 F2", handler.Events);
        Assert.Equal(2, extractor.FramesDecoded);
        Assert.Equal(FrameFormat.HeaderBytes + 3, extractor.PendingBytes);
        Assert.Equal(FrameReadResult.Frame, extractor.Next());
        Assert.Equal(stream.Payload(2), extractor.FrameBuffer.AsSpan(extractor.FrameOffset, extractor.FrameLength).ToArray());
        Assert.Equal(FrameReadResult.NeedMoreData, extractor.Next());
    }

    [Theory]
    [InlineData("Next")]
    [InlineData("Feed")]
    [InlineData("Reset")]
    public void A_handler_that_calls_back_into_its_extractor_gets_a_clear_error(string callBack)
    {
        byte[] chunk = new TestStream().Frame(1, 1).Frame(2, 2).ToArray();
        var extractor = new FrameExtractor(MaxPayloadBytes);
        var handler = new Recorder();
        handler.OnFirstFrame = () =>
        {
            switch (callBack)
            {
                case "Next":
                    extractor.Next();
                    break;
                case "Feed":
                    // Allowed only once the chunk is consumed: it is not, so Feed itself refuses.
                    extractor.Feed(new byte[1], 0, 1);
                    break;
                default:
                    extractor.Reset();
                    break;
            }
        };

        var error = Assert.Throws<InvalidOperationException>(() => extractor.Feed(chunk, 0, chunk.Length, handler));

        Assert.Contains(callBack == "Feed" ? "unread bytes" : "called back into the extractor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_that_feeds_a_new_chunk_after_the_last_frame_of_the_current_one_gets_a_clear_error()
    {
        byte[] chunk = new TestStream().Frame(1, 1).ToArray();
        var extractor = new FrameExtractor(MaxPayloadBytes);
        var handler = new Recorder();
        handler.OnFirstFrame = () => extractor.Feed(new TestStream().Frame(2, 2).ToArray(), 0, 5);

        var error = Assert.Throws<InvalidOperationException>(() => extractor.Feed(chunk, 0, chunk.Length, handler));

        Assert.Contains("called back into the extractor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forms_can_be_mixed_between_chunks_a_frame_begun_by_Next_is_finished_by_the_handler()
    {
        var stream = new TestStream().Frame(20, 1).Frame(0, 0);
        byte[] bytes = stream.ToArray();
        var extractor = new FrameExtractor(MaxPayloadBytes);
        var handler = new Recorder();

        extractor.Feed(bytes, 0, 9);
        Assert.Equal(FrameReadResult.NeedMoreData, extractor.Next());
        Assert.True(extractor.IsFrameInProgress);
        Assert.True(extractor.Feed(bytes, 9, bytes.Length - 9, handler));

        Assert.Equal("F20 F0", handler.Events);
        Assert.Equal(stream.Payload(0), handler.Payloads[0]);
        Assert.Equal(2, extractor.FramesDecoded);
    }

    [Fact]
    public void Every_split_of_a_frame_into_two_pushed_chunks_delivers_it_once()
    {
        var stream = new TestStream().Frame(7, 3);
        byte[] bytes = stream.ToArray();
        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            var extractor = new FrameExtractor(MaxPayloadBytes);
            var handler = new Recorder();
            Assert.True(extractor.Feed(bytes, 0, cut, handler));
            Assert.True(extractor.Feed(bytes, cut, bytes.Length - cut, handler));
            Assert.Equal("F7", handler.Events);
            Assert.Equal(stream.Payload(0), handler.Payloads[0]);
        }
    }

    /// <summary>Records every event with a copy of each payload; can throw on, or call back from, a chosen frame.</summary>
    private sealed class Recorder : IFrameHandler
    {
        private readonly List<string> _events = [];

        public List<byte[]> Buffers { get; } = [];

        public List<int> Offsets { get; } = [];

        public List<byte[]> Payloads { get; } = [];

        public int ThrowOnFrame { get; init; }

        public Action? OnFirstFrame { get; set; }

        public string Events => string.Join(' ', _events);

        public void OnFrame(byte[] buffer, int offset, int length)
        {
            Buffers.Add(buffer);
            Offsets.Add(offset);
            Payloads.Add(buffer.AsSpan(offset, length).ToArray());
            _events.Add("F" + length);
            if (Payloads.Count == 1 && OnFirstFrame is { } callBack)
            {
                callBack();
            }

            if (Payloads.Count == ThrowOnFrame)
            {
                throw new InvalidOperationException("handler failed on frame " + ThrowOnFrame);
            }
        }

        public void OnResynchronized(int skippedBytes) => _events.Add("R" + skippedBytes);

        public void OnFrameTooLarge(int announcedLength) => _events.Add("T" + announcedLength);
    }
}
