using System;
using NanoTlv.Framing;
using NanoTlv.PortableTests.Framing;
using Xunit;

namespace NanoTlv.Tests.Framing;

/// <summary>The extractor allocates nothing after its constructor, on good and bad input alike.</summary>
public class FrameExtractorAllocationTests
{
    private const int FrameCount = 100_000;
    private const int MaxPayloadBytes = 256;
    private const int Seed = 20260101;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Extracting_100000_frames_with_garbage_and_oversized_frames_in_random_chunks_allocates_nothing(bool pushForm)
    {
        var random = new Random(Seed);
        var stream = new TestStream();
        for (int i = 0; i < FrameCount; i++)
        {
            stream.Frame(random.Next(0, 65), i);
            if (i % 1000 == 0)
            {
                stream.Garbage(random.Next(1, 20)).Oversized(MaxPayloadBytes + random.Next(1, 500));
            }
        }

        byte[] bytes = stream.ToArray();
        int[] chunkSizes = new int[4096];
        for (int i = 0; i < chunkSizes.Length; i++)
        {
            chunkSizes[i] = random.Next(1, 1600);
        }

        var extractor = new FrameExtractor(MaxPayloadBytes);
        var handler = new ChecksumHandler();
        long warmUp = pushForm ? PushAll(extractor, handler, bytes, chunkSizes) : ExtractAll(extractor, bytes, chunkSizes);
        extractor.Reset();

        long before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = pushForm ? PushAll(extractor, handler, bytes, chunkSizes) : ExtractAll(extractor, bytes, chunkSizes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(warmUp, checksum);
        Assert.Equal(FrameCount, extractor.FramesDecoded);
        Assert.Equal(stream.GarbageRuns, extractor.Resyncs);
        Assert.Equal(stream.OversizedFrames, extractor.OversizedFrames);
    }

    /// <summary>Feeds the stream in the given chunk sizes (cycled) and sums what it sees of each frame.</summary>
    private static long ExtractAll(FrameExtractor extractor, byte[] bytes, int[] chunkSizes)
    {
        long checksum = 0;
        int next = 0;
        for (int offset = 0; offset < bytes.Length; next++)
        {
            int count = Math.Min(chunkSizes[next % chunkSizes.Length], bytes.Length - offset);
            extractor.Feed(bytes, offset, count);
            offset += count;
            FrameReadResult result;
            while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
            {
                if (result == FrameReadResult.Frame)
                {
                    checksum += extractor.FrameLength;
                    if (extractor.FrameLength > 0)
                    {
                        checksum += extractor.FrameBuffer[extractor.FrameOffset];
                    }
                }
            }
        }

        return checksum;
    }

    /// <summary>The same through the push form: one Feed per chunk, frames summed by the handler.</summary>
    private static long PushAll(FrameExtractor extractor, ChecksumHandler handler, byte[] bytes, int[] chunkSizes)
    {
        handler.Checksum = 0;
        int next = 0;
        for (int offset = 0; offset < bytes.Length; next++)
        {
            int count = Math.Min(chunkSizes[next % chunkSizes.Length], bytes.Length - offset);
            Assert.True(extractor.Feed(bytes, offset, count, handler));
            offset += count;
        }

        return handler.Checksum;
    }

    private sealed class ChecksumHandler : IFrameHandler
    {
        public long Checksum { get; set; }

        public void OnFrame(byte[] buffer, int offset, int length)
        {
            Checksum += length;
            if (length > 0)
            {
                Checksum += buffer[offset];
            }
        }

        public void OnResynchronized(int skippedBytes)
        {
        }

        public void OnFrameTooLarge(int announcedLength)
        {
        }
    }
}
