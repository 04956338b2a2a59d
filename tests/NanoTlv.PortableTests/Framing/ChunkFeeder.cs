using System;
using System.Collections;
using NanoTlv.Framing;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>
    /// Feeds a stream to a <see cref="FrameExtractor"/> in chosen chunks, drains <see cref="FrameExtractor.Next"/>
    /// after each, and records what came out: copies of the frames and a log of events.
    /// </summary>
    /// <remarks>
    /// Each chunk is copied into one reused receive buffer between two marker bytes, as a socket would fill
    /// it, so an extractor that kept reading an old chunk, or read outside the range fed, gives wrong bytes.
    /// Log tokens, separated by spaces: <c>F5</c> a 5-byte frame, <c>R3</c> a resync episode that skipped
    /// 3 bytes, <c>T900</c> an oversized frame announcing 900 bytes, <c>X1</c> a fault (the
    /// <see cref="FrameFault"/> value), <c>|</c> the end of a chunk (Next returned NeedMoreData).
    /// </remarks>
    public sealed class ChunkFeeder
    {
        private const int GuardBytes = 1;
        private const byte Guard = FrameFormat.Marker;
        private const string ChunkEnd = "|";

        private readonly FrameExtractor _extractor;
        private readonly ArrayList _frames = new ArrayList();
        private byte[] _receiveBuffer = new byte[0];
        private readonly TokenLog _log = new TokenLog();
        private readonly TokenLog _events = new TokenLog();

        /// <summary>Creates a feeder driving <paramref name="extractor"/>.</summary>
        /// <param name="extractor">The extractor under test.</param>
        public ChunkFeeder(FrameExtractor extractor)
        {
            _extractor = extractor;
        }

        /// <summary>The extractor under test.</summary>
        public FrameExtractor Extractor => _extractor;

        /// <summary>Every event and chunk end, in order, e.g. <c>"F3 | R2 F0 |"</c>.</summary>
        public string Log => _log.ToString();

        /// <summary>The events without chunk ends, e.g. <c>"F3 R2 F0"</c>: independent of the chunking.</summary>
        public string Events => _events.ToString();

        /// <summary>Frames delivered so far.</summary>
        public int FrameCount => _frames.Count;

        /// <summary>True once the extractor returned <see cref="FrameReadResult.Faulted"/>; later chunks are not fed.</summary>
        public bool Faulted { get; private set; }

        /// <summary>A copy of the payload of the frame delivered at <paramref name="index"/>.</summary>
        /// <param name="index">0-based frame index.</param>
        /// <returns>The payload.</returns>
        public byte[] Frame(int index) => (byte[])_frames[index]!;

        /// <summary>Feeds <paramref name="stream"/> in chunks of <paramref name="chunkBytes"/> (the last may be shorter).</summary>
        /// <param name="stream">The bytes.</param>
        /// <param name="chunkBytes">Chunk size, at least 1.</param>
        public void FeedInChunks(byte[] stream, int chunkBytes)
        {
            for (int offset = 0; offset < stream.Length; offset += chunkBytes)
            {
                int count = stream.Length - offset < chunkBytes ? stream.Length - offset : chunkBytes;
                FeedChunk(stream, offset, count);
            }
        }

        /// <summary>Feeds <paramref name="stream"/> cut at the given offsets.</summary>
        /// <param name="stream">The bytes.</param>
        /// <param name="cuts">Ascending offsets inside the stream where a new chunk starts.</param>
        public void FeedSplitAt(byte[] stream, int[] cuts)
        {
            int start = 0;
            for (int i = 0; i < cuts.Length; i++)
            {
                FeedChunk(stream, start, cuts[i] - start);
                start = cuts[i];
            }

            FeedChunk(stream, start, stream.Length - start);
        }

        /// <summary>Feeds one chunk and drains the extractor until it needs more data or faults.</summary>
        /// <param name="source">Array holding the chunk.</param>
        /// <param name="offset">Where the chunk starts.</param>
        /// <param name="count">Chunk length.</param>
        public void FeedChunk(byte[] source, int offset, int count)
        {
            if (Faulted)
            {
                return;
            }

            if (_receiveBuffer.Length < count + (2 * GuardBytes))
            {
                _receiveBuffer = new byte[count + (2 * GuardBytes)];
            }

            _receiveBuffer[0] = Guard;
            Array.Copy(source, offset, _receiveBuffer, GuardBytes, count);
            _receiveBuffer[GuardBytes + count] = Guard;
            _extractor.Feed(_receiveBuffer, GuardBytes, count);
            Drain();
        }

        /// <summary>Fails unless the frames delivered are exactly the good frames of <paramref name="expected"/>.</summary>
        /// <param name="expected">The stream that was fed.</param>
        public void CheckFramesMatch(TestStream expected)
        {
            Check.Equal(expected.FrameCount, FrameCount, "frames delivered");
            for (int i = 0; i < FrameCount; i++)
            {
                Check.Bytes(expected.Payload(i), Frame(i), "frame " + i);
            }
        }

        private void Drain()
        {
            while (true)
            {
                FrameReadResult result = _extractor.Next();
                switch (result)
                {
                    case FrameReadResult.NeedMoreData:
                        _log.Add(ChunkEnd);
                        return;
                    case FrameReadResult.Frame:
                        byte[] copy = new byte[_extractor.FrameLength];
                        Array.Copy(_extractor.FrameBuffer, _extractor.FrameOffset, copy, 0, copy.Length);
                        _frames.Add(copy);
                        AddEvent("F" + _extractor.FrameLength);
                        break;
                    case FrameReadResult.Resynchronized:
                        AddEvent("R" + _extractor.LastSkippedBytes);
                        break;
                    case FrameReadResult.FrameTooLarge:
                        AddEvent("T" + _extractor.LastOversizedLength);
                        break;
                    case FrameReadResult.Faulted:
                        AddEvent("X" + (int)_extractor.Fault);
                        Faulted = true;
                        return;
                    default:
                        Check.Fail("Next returned an undefined result " + (int)result + ".");
                        return;
                }
            }
        }

        private void AddEvent(string token)
        {
            _log.Add(token);
            _events.Add(token);
        }
    }
}
