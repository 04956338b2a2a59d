using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NanoTlv.Cli.Tests.Harness
{
    /// <summary>The broken device really is broken the way the Python extractor was, and only that way.</summary>
    public sealed class PythonBugExtractorTests
    {
        private static readonly byte[] Frame = { 0x72, 0x00, 0x06, 0x02, 0x00, 0x07, 0xAA, 0xBB, 0xCC };

        [Fact]
        public void Frames_in_one_or_two_reads_come_out_whole()
        {
            Assert.Equal(Payload(), Feed(new PythonBugExtractor(), Frame).Single());
            var extractor = new PythonBugExtractor();
            Assert.Empty(Feed(extractor, Frame[..5]));
            Assert.Equal(Payload(), Feed(extractor, Frame[5..]).Single());
        }

        [Fact]
        public void A_frame_over_three_or_more_reads_comes_out_truncated()
        {
            var extractor = new PythonBugExtractor();
            var frames = new List<byte[]>();
            foreach (byte b in Frame)
            {
                frames.AddRange(Feed(extractor, new[] { b }));
            }

            Assert.Equal(new byte[] { 0x02, 0x00, 0x07 }, frames.First());
        }

        private static byte[] Payload() => Frame[3..];

        private static IEnumerable<byte[]> Feed(PythonBugExtractor extractor, byte[] chunk) => extractor.Feed(chunk, chunk.Length).ToList();
    }
}
