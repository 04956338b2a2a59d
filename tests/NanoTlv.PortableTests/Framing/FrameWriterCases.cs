using System;
using NanoTlv.Framing;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>Portable cases: FrameWriter's byte layouts, its limits and the round trip through the extractor.</summary>
    public static class FrameWriterCases
    {
        private const byte Untouched = 0xEE;

        /// <summary>The case names, for <see cref="Run"/>.</summary>
        public static string[] CaseNames => new string[]
        {
            nameof(WriteLayout),
            nameof(WriteEmptyPayload),
            nameof(WriteLengthAbove255),
            nameof(WriteAtOffsetTouchesOnlyTheFrame),
            nameof(BeginEndFrameLayout),
            nameof(PythonWrapPacketCompatibility),
            nameof(RoundTripThroughExtractor),
            nameof(RejectsPayloadAbove65535),
            nameof(RejectsPayloadNotFittingBuffer),
            nameof(RejectsHeaderNotFittingBuffer),
            nameof(EndFrameWithoutBeginThrows),
        };

        /// <summary>Runs the case called <paramref name="caseName"/>.</summary>
        /// <param name="caseName">One of <see cref="CaseNames"/>.</param>
        public static void Run(string caseName)
        {
            switch (caseName)
            {
                case nameof(WriteLayout): WriteLayout(); break;
                case nameof(WriteEmptyPayload): WriteEmptyPayload(); break;
                case nameof(WriteLengthAbove255): WriteLengthAbove255(); break;
                case nameof(WriteAtOffsetTouchesOnlyTheFrame): WriteAtOffsetTouchesOnlyTheFrame(); break;
                case nameof(BeginEndFrameLayout): BeginEndFrameLayout(); break;
                case nameof(PythonWrapPacketCompatibility): PythonWrapPacketCompatibility(); break;
                case nameof(RoundTripThroughExtractor): RoundTripThroughExtractor(); break;
                case nameof(RejectsPayloadAbove65535): RejectsPayloadAbove65535(); break;
                case nameof(RejectsPayloadNotFittingBuffer): RejectsPayloadNotFittingBuffer(); break;
                case nameof(RejectsHeaderNotFittingBuffer): RejectsHeaderNotFittingBuffer(); break;
                case nameof(EndFrameWithoutBeginThrows): EndFrameWithoutBeginThrows(); break;
                default: throw new ArgumentException("No case named " + caseName + ".", nameof(caseName));
            }
        }

        /// <summary>Payload 01 02 becomes 72 00 02 01 02.</summary>
        public static void WriteLayout()
        {
            byte[] destination = new byte[5];
            int written = FrameWriter.Write(new byte[] { 0x01, 0x02 }, 0, 2, destination, 0);
            Check.Equal(5, written, "bytes written");
            Check.Bytes(new byte[] { 0x72, 0x00, 0x02, 0x01, 0x02 }, destination, "frame");
        }

        /// <summary>An empty payload is the bare header 72 00 00.</summary>
        public static void WriteEmptyPayload()
        {
            byte[] destination = new byte[3];
            Check.Equal(3, FrameWriter.Write(new byte[0], 0, 0, destination, 0), "bytes written");
            Check.Bytes(new byte[] { 0x72, 0x00, 0x00 }, destination, "frame");
        }

        /// <summary>A 300-byte payload (0x012C) puts 01 in len_hi and 2C in len_lo.</summary>
        public static void WriteLengthAbove255()
        {
            byte[] payload = TestStream.Pattern(300, 0);
            byte[] destination = new byte[303];
            Check.Equal(303, FrameWriter.Write(payload, 0, 300, destination, 0), "bytes written");
            Check.Bytes(new byte[] { 0x72, 0x01, 0x2C }, destination, 0, 3, "header");
            Check.Bytes(payload, destination, 3, 300, "payload");
        }

        /// <summary>A slice of a payload written at an offset; bytes around the frame stay as they were.</summary>
        public static void WriteAtOffsetTouchesOnlyTheFrame()
        {
            byte[] payload = new byte[] { 0x10, 0x11, 0x12, 0x13 };
            byte[] destination = TestStream.Filled(10, Untouched);
            int written = FrameWriter.Write(payload, 1, 2, destination, 3);
            Check.Equal(5, written, "bytes written");
            Check.Bytes(new byte[] { Untouched, Untouched, Untouched, 0x72, 0x00, 0x02, 0x11, 0x12, Untouched, Untouched }, destination, "buffer");
        }

        /// <summary>BeginFrame writes the marker and returns the payload offset; EndFrame patches the length.</summary>
        public static void BeginEndFrameLayout()
        {
            byte[] destination = TestStream.Filled(9, Untouched);
            int payloadStart = FrameWriter.BeginFrame(destination, 2);
            Check.Equal(5, payloadStart, "payload offset");
            Check.Equal(FrameFormat.Marker, destination[2], "marker");
            destination[payloadStart] = 0xA1;
            destination[payloadStart + 1] = 0xA2;
            destination[payloadStart + 2] = 0xA3;
            int total = FrameWriter.EndFrame(destination, 2, 3);
            Check.Equal(6, total, "frame length");
            Check.Bytes(new byte[] { Untouched, Untouched, 0x72, 0x00, 0x03, 0xA1, 0xA2, 0xA3, Untouched }, destination, "buffer");
        }

        /// <summary>
        /// Byte-for-byte what Python's <c>wrap_packet</c> (<c>b'\x72' + struct.pack('>H', len(p)) + p</c>) produces,
        /// written by hand, both written by FrameWriter and read by FrameExtractor.
        /// </summary>
        public static void PythonWrapPacketCompatibility()
        {
            // wrap_packet(b'hello')
            CheckCompatible(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F }, new byte[] { 0x72, 0x00, 0x05, 0x68, 0x65, 0x6C, 0x6C, 0x6F });

            // wrap_packet(b'')
            CheckCompatible(new byte[0], new byte[] { 0x72, 0x00, 0x00 });

            // wrap_packet(b'\x72\x72')
            CheckCompatible(new byte[] { 0x72, 0x72 }, new byte[] { 0x72, 0x00, 0x02, 0x72, 0x72 });

            // wrap_packet(bytes(range(256)))[:3] == b'\x72\x01\x00'
            byte[] payload = TestStream.Pattern(256, 0);
            byte[] expected = new byte[259];
            expected[0] = 0x72;
            expected[1] = 0x01;
            expected[2] = 0x00;
            Array.Copy(payload, 0, expected, 3, 256);
            CheckCompatible(payload, expected);
        }

        /// <summary>Frames written back to back decode to the same payloads, whole and byte by byte.</summary>
        public static void RoundTripThroughExtractor()
        {
            int[] lengths = new int[] { 0, 1, 2, 255, 256, 1000, 0 };
            int total = 0;
            for (int i = 0; i < lengths.Length; i++)
            {
                total += FrameFormat.HeaderBytes + lengths[i];
            }

            byte[] wire = new byte[total];
            int offset = 0;
            for (int i = 0; i < lengths.Length; i++)
            {
                offset += FrameWriter.Write(TestStream.Pattern(lengths[i], i * 13), 0, lengths[i], wire, offset);
            }

            Check.Equal(total, offset, "bytes written");
            int[] chunkSizes = new int[] { 1, 7, total };
            for (int c = 0; c < chunkSizes.Length; c++)
            {
                int chunkBytes = chunkSizes[c];
                ChunkFeeder feeder = new ChunkFeeder(new FrameExtractor(1000));
                feeder.FeedInChunks(wire, chunkBytes);
                Check.Equal(lengths.Length, feeder.FrameCount, "frames in chunks of " + chunkBytes);
                for (int i = 0; i < lengths.Length; i++)
                {
                    Check.Bytes(TestStream.Pattern(lengths[i], i * 13), feeder.Frame(i), "frame " + i);
                }
            }
        }

        /// <summary>EndFrame refuses a length the 16-bit field cannot hold, naming the limit.</summary>
        public static void RejectsPayloadAbove65535()
        {
            byte[] destination = new byte[3];
            FrameWriter.BeginFrame(destination, 0);
            try
            {
                FrameWriter.EndFrame(destination, 0, FrameFormat.MaxEncodablePayloadBytes + 1);
                Check.Fail("EndFrame with 65536 payload bytes did not throw.");
            }
            catch (ArgumentException e)
            {
                Check.Contains("65535", e.Message, "message");
                Check.Contains("65536", e.Message, "message");
            }
        }

        /// <summary>Write refuses a payload larger than the room left, says how much room there is, and writes nothing.</summary>
        public static void RejectsPayloadNotFittingBuffer()
        {
            byte[] destination = TestStream.Filled(12, Untouched);
            try
            {
                FrameWriter.Write(new byte[10], 0, 10, destination, 0);
                Check.Fail("Write of a 13-byte frame into 12 bytes did not throw.");
            }
            catch (ArgumentException e)
            {
                Check.Contains("room for 9", e.Message, "message");
            }

            Check.Bytes(TestStream.Filled(12, Untouched), destination, "destination after the refused Write");
        }

        /// <summary>BeginFrame refuses an offset with fewer than 3 bytes behind it.</summary>
        public static void RejectsHeaderNotFittingBuffer()
        {
            byte[] destination = new byte[4];
            try
            {
                FrameWriter.BeginFrame(destination, 2);
                Check.Fail("BeginFrame with 2 bytes of room did not throw.");
            }
            catch (ArgumentException e)
            {
                Check.Contains("header", e.Message, "message");
            }
        }

        /// <summary>EndFrame where no marker was written is a programming error.</summary>
        public static void EndFrameWithoutBeginThrows()
        {
            try
            {
                FrameWriter.EndFrame(new byte[8], 0, 1);
                Check.Fail("EndFrame without BeginFrame did not throw.");
            }
            catch (ArgumentException e)
            {
                Check.Contains("No frame header", e.Message, "message");
            }
        }

        private static void CheckCompatible(byte[] payload, byte[] wrapPacket)
        {
            byte[] written = new byte[wrapPacket.Length];
            Check.Equal(wrapPacket.Length, FrameWriter.Write(payload, 0, payload.Length, written, 0), "bytes written");
            Check.Bytes(wrapPacket, written, "FrameWriter output");

            FrameExtractor extractor = new FrameExtractor(FrameFormat.DefaultDeviceMaxPayloadBytes);
            extractor.Feed(wrapPacket, 0, wrapPacket.Length);
            Check.Result(FrameReadResult.Frame, extractor.Next(), "extractor on wrap_packet bytes");
            Check.Bytes(payload, extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength, "extracted payload");
            Check.Result(FrameReadResult.NeedMoreData, extractor.Next(), "after the frame");
        }
    }
}
