using System;
using NanoTlv.Framing;
using Xunit;

namespace NanoTlv.Tests.Framing;

/// <summary><see cref="FrameExtractor.IsFrameInProgress"/>: whether the stream stops inside a frame.</summary>
public sealed class FrameExtractorProgressTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("72", true)]
    [InlineData("72 00", true)]
    [InlineData("72 00 02", true)]
    [InlineData("72 00 02 01", true)]
    [InlineData("72 00 02 01 02", false)]
    [InlineData("72 00 00", false)]
    [InlineData("55 55", false)]
    [InlineData("55 72 00", true)]
    [InlineData("72 00 20 01", true)]        // oversized (max 16): being discarded
    [InlineData("72 00 11 " + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", false)] // discard finished
    [InlineData("72 00 01 09 72 00", true)]
    public void Tells_whether_the_stream_stops_inside_a_frame(string stream, bool inProgress)
    {
        byte[] bytes = Convert.FromHexString(stream.Replace(" ", string.Empty, StringComparison.Ordinal));
        var extractor = new FrameExtractor(16);

        // Every split into two chunks gives the same answer.
        for (int split = 0; split <= bytes.Length; split++)
        {
            extractor.Reset();
            Drain(extractor, bytes[..split]);
            Drain(extractor, bytes[split..]);

            Assert.Equal(inProgress, extractor.IsFrameInProgress);
        }
    }

    private static void Drain(FrameExtractor extractor, byte[] chunk)
    {
        extractor.Feed(chunk, 0, chunk.Length);
        while (extractor.Next() != FrameReadResult.NeedMoreData)
        {
        }
    }
}
