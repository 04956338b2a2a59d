using NanoTlv.Framing;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>
/// Feeds a stream to a real <see cref="FrameExtractor"/> in the given chunk sizes (cycled; 0 = an empty
/// chunk), each chunk copied to a random offset of a larger array, and checks every invariant on the way:
/// Next terminates, never reports a frame above the maximum or outside its buffer, consumes every byte before
/// asking for more. Then compares what it reported, and its counters, with the <see cref="ReferenceDecoder"/>.
/// Any violation throws with a description.
/// </summary>
public static class ExtractorRun
{
    public static void Check(byte[] stream, int maxPayloadBytes, bool strict, int[] chunkSizes)
    {
        var extractor = new FrameExtractor(maxPayloadBytes, strict);
        List<StreamEvent> actual = Feed(extractor, stream, chunkSizes, out long fed);
        ReferenceDecoder expected = ReferenceDecoder.Decode(stream, maxPayloadBytes, strict);
        Compare(expected, actual, extractor, fed, strict);

        // Reset must forget everything: the same stream again gives the same answer.
        extractor.Reset();
        List<StreamEvent> again = Feed(extractor, stream, chunkSizes, out fed);
        Compare(expected, again, extractor, fed, strict);

        // The push form runs the same state machine: the same answer again.
        extractor.Reset();
        List<StreamEvent> pushed = Feed(extractor, stream, chunkSizes, out fed, push: true);
        Compare(expected, pushed, extractor, fed, strict);
    }

    private static List<StreamEvent> Feed(FrameExtractor extractor, byte[] stream, int[] chunkSizes, out long fed, bool push = false)
    {
        var events = new List<StreamEvent>();
        int offset = 0;
        int chunkIndex = 0;
        fed = 0;
        int padding = (stream.Length % 7) + 1;
        int emptyInARow = 0;
        while (offset < stream.Length || chunkIndex == 0)
        {
            int planned = chunkSizes[chunkIndex % chunkSizes.Length];
            chunkIndex++;

            // Empty chunks are part of the test, but a plan of only empty chunks must still make progress.
            emptyInARow = planned == 0 ? emptyInARow + 1 : 0;
            int size = Math.Min(emptyInARow > chunkSizes.Length ? 1 : planned, stream.Length - offset);
            var chunk = new byte[padding + size + padding];
            chunk.AsSpan().Fill(FrameFormat.Marker);
            Array.Copy(stream, offset, chunk, padding, size);
            offset += size;
            fed += size;
            var handler = new CheckingHandler(extractor, chunk, padding, size, events);
            bool faulted = push ? !extractor.Feed(chunk, padding, size, handler) : !FeedPulled(extractor, chunk, padding, size, handler);
            if (faulted)
            {
                events.Add(StreamEvent.Faulted(extractor.Fault));
                if (extractor.Next() != FrameReadResult.Faulted)
                {
                    throw new InvalidOperationException("A faulted extractor recovered without Reset.");
                }

                return events;
            }

            if (extractor.PendingBytes != 0)
            {
                throw new InvalidOperationException((push ? "Push Feed returned" : "NeedMoreData") + " with " + extractor.PendingBytes + " bytes of the chunk unread.");
            }
        }

        return events;
    }

    /// <summary>Feeds one chunk in the pull form and hands each event to <paramref name="handler"/>.</summary>
    /// <returns>False when the extractor faulted.</returns>
    private static bool FeedPulled(FrameExtractor extractor, byte[] chunk, int padding, int size, CheckingHandler handler)
    {
        extractor.Feed(chunk, padding, size);
        int limit = (2 * size) + 4;
        int calls = 0;
        FrameReadResult result;
        while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
        {
            if (++calls > limit)
            {
                throw new InvalidOperationException("Next did not return NeedMoreData after " + limit + " calls on a " + size + "-byte chunk (no progress).");
            }

            switch (result)
            {
                case FrameReadResult.Frame:
                    handler.OnFrame(extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength);
                    break;
                case FrameReadResult.Resynchronized:
                    handler.OnResynchronized(extractor.LastSkippedBytes);
                    break;
                case FrameReadResult.FrameTooLarge:
                    handler.OnFrameTooLarge(extractor.LastOversizedLength);
                    break;
                case FrameReadResult.Faulted:
                    return false;
                default:
                    throw new InvalidOperationException("Unknown result " + result + ".");
            }
        }

        return true;
    }

    private static void Compare(ReferenceDecoder expected, List<StreamEvent> actual, FrameExtractor extractor, long fed, bool strict)
    {
        int common = Math.Min(expected.Events.Count, actual.Count);
        for (int i = 0; i < common; i++)
        {
            if (!expected.Events[i].SameAs(actual[i]))
            {
                throw new InvalidOperationException("Event " + i + ": expected " + expected.Events[i] + ", got " + actual[i] + ".");
            }
        }

        if (expected.Events.Count != actual.Count)
        {
            throw new InvalidOperationException("Expected " + expected.Events.Count + " events, got " + actual.Count + "; first difference at " + common + ": " +
                (common < expected.Events.Count ? "missing " + expected.Events[common] : "extra " + actual[common]) + ".");
        }

        Require(extractor.BytesReceived == fed, "BytesReceived " + extractor.BytesReceived + " != bytes fed " + fed);
        Require(extractor.FramesDecoded == expected.Frames, "FramesDecoded " + extractor.FramesDecoded + " != " + expected.Frames);
        Require(extractor.OversizedFrames == expected.Oversized, "OversizedFrames " + extractor.OversizedFrames + " != " + expected.Oversized);
        Require(extractor.Fault == expected.Fault, "Fault " + extractor.Fault + " != " + expected.Fault);
        if (strict)
        {
            Require(extractor.Resyncs == 0 && extractor.SkippedBytes == 0 && extractor.DiscardedBytes == 0, "A strict extractor skipped or discarded bytes.");
            return;
        }

        int trailingEpisodes = expected.TrailingSkipped > 0 ? 1 : 0;
        Require(extractor.Resyncs == expected.ReportedResyncs + trailingEpisodes, "Resyncs " + extractor.Resyncs + " != " + (expected.ReportedResyncs + trailingEpisodes));
        Require(extractor.SkippedBytes == expected.ReportedSkipped + expected.TrailingSkipped, "SkippedBytes " + extractor.SkippedBytes + " != " + (expected.ReportedSkipped + expected.TrailingSkipped));
        Require(extractor.DiscardedBytes == expected.DiscardedBytes, "DiscardedBytes " + extractor.DiscardedBytes + " != " + expected.DiscardedBytes);

        // Every byte fed is accounted for: skipped, in a frame, in an oversized frame, or in the frame still open.
        long inFrames = expected.Events.Where(e => e.Kind == FrameReadResult.Frame).Sum(e => (long)FrameFormat.HeaderBytes + e.Value);
        long oversizedHeaders = (long)expected.Oversized * FrameFormat.HeaderBytes;
        long accounted = extractor.SkippedBytes + inFrames + oversizedHeaders + extractor.DiscardedBytes + expected.TrailingPartialFrame;
        Require(accounted == fed, "Accounting: " + accounted + " bytes accounted for, " + fed + " fed");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message + ".");
        }
    }

    /// <summary>Records what either form delivers and checks each frame's range as it arrives.</summary>
    private sealed class CheckingHandler(FrameExtractor extractor, byte[] chunk, int padding, int size, List<StreamEvent> events) : IFrameHandler
    {
        public void OnFrame(byte[] buffer, int offset, int length)
        {
            Require(length <= extractor.MaxPayloadBytes && offset >= 0 && offset + length <= buffer.Length, "Frame outside its buffer or above the maximum: offset " + offset + ", length " + length);
            Require(buffer != chunk || (offset >= padding && offset + length <= padding + size), "A frame handed out in place lies outside the bytes fed");
            events.Add(StreamEvent.Frame(buffer.AsSpan(offset, length).ToArray()));
        }

        public void OnResynchronized(int skippedBytes) => events.Add(StreamEvent.Resync(skippedBytes));

        public void OnFrameTooLarge(int announcedLength) => events.Add(StreamEvent.TooLarge(announcedLength));
    }
}
