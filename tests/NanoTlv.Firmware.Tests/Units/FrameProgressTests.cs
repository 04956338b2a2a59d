using NanoTlv.Firmware.Session;
using NanoTlv.Firmware.Tests.Support;
using NanoTlv.Framing;
using Xunit;

namespace NanoTlv.Firmware.Tests.Units;

public sealed class FrameProgressTests
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
        byte[] bytes = Hex.Parse(stream);
        var extractor = new FrameExtractor(16);
        var progress = new FrameProgress();

        // Every split into two chunks gives the same answer.
        for (int split = 0; split <= bytes.Length; split++)
        {
            extractor.Reset();
            progress.Reset();
            Feed(extractor, progress, bytes[..split]);
            Feed(extractor, progress, bytes[split..]);

            Assert.Equal(inProgress, progress.IsFrameInProgress(extractor));
        }
    }

    private static void Feed(FrameExtractor extractor, FrameProgress progress, byte[] chunk)
    {
        extractor.Feed(chunk, 0, chunk.Length);
        FrameReadResult result;
        while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
        {
            if (result == FrameReadResult.Frame)
            {
                progress.OnFrame(extractor.FrameLength);
            }
            else if (result == FrameReadResult.FrameTooLarge)
            {
                progress.OnOversized(extractor.LastOversizedLength);
            }
        }
    }
}
