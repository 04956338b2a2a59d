using System;
using System.Collections;
using NanoTlv.Framing;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>
    /// Feeds a stream to a <see cref="FrameExtractor"/> in chosen chunks, drains <see cref="FrameExtractor.Next"/>
    /// after each, and records what came out: copies of the frames and a log of events. Every chunk also goes
    /// to a twin extractor in the push form (<see cref="FrameExtractor.Feed(byte[], int, int, IFrameHandler)"/>),
    /// which must report the same events, the same payloads and the same counters after every chunk: so every
    /// case that uses a feeder checks both forms.
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
        private readonly FrameExtractor _pushTwin;
        private readonly Recorder _pulled = new Recorder();
        private readonly Recorder _pushed = new Recorder();
        private int _twinCheckedTokens;
        private int _twinCheckedFrames;
        private byte[] _receiveBuffer = new byte[0];

        /// <summary>Creates a feeder driving <paramref name="extractor"/>.</summary>
        /// <param name="extractor">The extractor under test.</param>
        public ChunkFeeder(FrameExtractor extractor)
        {
            _extractor = extractor;
            _pushTwin = new FrameExtractor(extractor.MaxPayloadBytes, extractor.IsStrict);
        }

        /// <summary>The extractor under test.</summary>
        public FrameExtractor Extractor => _extractor;

        /// <summary>Every event and chunk end, in order, e.g. <c>"F3 | R2 F0 |"</c>.</summary>
        public string Log => _pulled.Log.ToString();

        /// <summary>The events without chunk ends, e.g. <c>"F3 R2 F0"</c>: independent of the chunking.</summary>
        public string Events => _pulled.Events.ToString();

        /// <summary>Frames delivered so far.</summary>
        public int FrameCount => _pulled.Frames.Count;

        /// <summary>True once the extractor returned <see cref="FrameReadResult.Faulted"/>; later chunks are not fed.</summary>
        public bool Faulted { get; private set; }

        /// <summary>A copy of the payload of the frame delivered at <paramref name="index"/>.</summary>
        /// <param name="index">0-based frame index.</param>
        /// <returns>The payload.</returns>
        public byte[] Frame(int index) => (byte[])_pulled.Frames[index]!;

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
            FeedPushTwin(count);
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
                        _pulled.EndOfChunk();
                        return;
                    case FrameReadResult.Frame:
                        _pulled.OnFrame(_extractor.FrameBuffer, _extractor.FrameOffset, _extractor.FrameLength);
                        break;
                    case FrameReadResult.Resynchronized:
                        _pulled.OnResynchronized(_extractor.LastSkippedBytes);
                        break;
                    case FrameReadResult.FrameTooLarge:
                        _pulled.OnFrameTooLarge(_extractor.LastOversizedLength);
                        break;
                    case FrameReadResult.Faulted:
                        _pulled.OnFault(_extractor.Fault);
                        Faulted = true;
                        return;
                    default:
                        Check.Fail("Next returned an undefined result " + (int)result + ".");
                        return;
                }
            }
        }

        private void FeedPushTwin(int count)
        {
            if (_pushTwin.Feed(_receiveBuffer, GuardBytes, count, _pushed))
            {
                _pushed.EndOfChunk();
            }
            else
            {
                _pushed.OnFault(_pushTwin.Fault);
            }

            // Only what this chunk added is compared: comparing whole logs would cost quadratic time on 1-byte chunks.
            TokenLog pulledLog = _pulled.Log;
            Check.Equal(pulledLog.Count, _pushed.Log.Count, "push form's event count");
            for (int i = _twinCheckedTokens; i < pulledLog.Count; i++)
            {
                Check.Equal(pulledLog.TokenAt(i), _pushed.Log.TokenAt(i), "push form's event " + i);
            }

            ArrayList pulledFrames = _pulled.Frames;
            Check.Equal(pulledFrames.Count, _pushed.Frames.Count, "push form's frame count");
            for (int i = _twinCheckedFrames; i < pulledFrames.Count; i++)
            {
                Check.Bytes((byte[])pulledFrames[i]!, (byte[])_pushed.Frames[i]!, "push form's frame " + i);
            }

            _twinCheckedTokens = pulledLog.Count;
            _twinCheckedFrames = pulledFrames.Count;

            Check.Equal(_extractor.FramesDecoded, _pushTwin.FramesDecoded, "push form's FramesDecoded");
            Check.Equal(_extractor.BytesReceived, _pushTwin.BytesReceived, "push form's BytesReceived");
            Check.Equal(_extractor.Resyncs, _pushTwin.Resyncs, "push form's Resyncs");
            Check.Equal(_extractor.SkippedBytes, _pushTwin.SkippedBytes, "push form's SkippedBytes");
            Check.Equal(_extractor.OversizedFrames, _pushTwin.OversizedFrames, "push form's OversizedFrames");
            Check.Equal(_extractor.DiscardedBytes, _pushTwin.DiscardedBytes, "push form's DiscardedBytes");
            Check.Equal(_extractor.PendingBytes, _pushTwin.PendingBytes, "push form's PendingBytes");
            Check.True(_extractor.IsFrameInProgress == _pushTwin.IsFrameInProgress, "push form's IsFrameInProgress");
            Check.True(_extractor.Fault == _pushTwin.Fault, "push form's Fault");
        }

        /// <summary>
        /// Records what one form of the extractor delivers, in the feeder's tokens, with copies of the payloads:
        /// the pull form's drain calls it event by event, the push form is handed it as its frame handler.
        /// </summary>
        private sealed class Recorder : IFrameHandler
        {
            public readonly TokenLog Log = new TokenLog();
            public readonly TokenLog Events = new TokenLog();
            public readonly ArrayList Frames = new ArrayList();

            public void OnFrame(byte[] buffer, int offset, int length)
            {
                byte[] copy = new byte[length];
                Array.Copy(buffer, offset, copy, 0, length);
                Frames.Add(copy);
                Add("F" + length);
            }

            public void OnResynchronized(int skippedBytes) => Add("R" + skippedBytes);

            public void OnFrameTooLarge(int announcedLength) => Add("T" + announcedLength);

            public void OnFault(FrameFault fault) => Add("X" + (int)fault);

            public void EndOfChunk() => Log.Add(ChunkEnd);

            private void Add(string token)
            {
                Log.Add(token);
                Events.Add(token);
            }
        }
    }
}
