using System;
using System.Collections;
using NanoTlv.Framing;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>
    /// Builds a byte stream of frames, garbage and oversized frames, and remembers what a correct lenient
    /// extractor must report for it: the good payloads in order and the events as a
    /// <see cref="ChunkFeeder.Events"/> string. The expectation does not depend on how the stream is chunked.
    /// </summary>
    /// <remarks>
    /// Garbage never contains <see cref="FrameFormat.Marker"/> and is only placed between frames, so it is
    /// unambiguous: the next marker is the next frame. A resync episode is reported when the next marker
    /// arrives, so garbage at the very end of the stream is counted but not yet in the expected events.
    /// </remarks>
    public sealed class TestStream
    {
        /// <summary>The byte oversized frames are filled with: markers, to prove discarded bytes are not scanned.</summary>
        public const byte OversizedFiller = FrameFormat.Marker;

        private const int InitialCapacity = 64;

        private readonly ArrayList _payloads = new ArrayList();
        private readonly ArrayList _payloadOffsets = new ArrayList();
        private byte[] _bytes = new byte[InitialCapacity];
        private int _length;
        private readonly TokenLog _events = new TokenLog();
        private int _pendingGarbage;
        private int _garbageRuns;
        private int _garbageBytes;
        private int _oversizedFrames;
        private long _oversizedBytes;

        /// <summary>Bytes in the stream.</summary>
        public int Length => _length;

        /// <summary>Good frames in the stream.</summary>
        public int FrameCount => _payloads.Count;

        /// <summary>What a lenient extractor reports for the whole stream (see <see cref="ChunkFeeder.Events"/>).</summary>
        public string ExpectedEvents => _events.ToString();

        /// <summary>Runs of garbage added (each is one resync episode).</summary>
        public int GarbageRuns => _garbageRuns;

        /// <summary>Garbage bytes added.</summary>
        public int GarbageBytes => _garbageBytes;

        /// <summary>Oversized frames added.</summary>
        public int OversizedFrames => _oversizedFrames;

        /// <summary>Payload bytes of the oversized frames added.</summary>
        public long OversizedBytes => _oversizedBytes;

        /// <summary>A payload of <paramref name="length"/> bytes counting up from <paramref name="seed"/>.</summary>
        /// <param name="length">Payload length.</param>
        /// <param name="seed">First byte value.</param>
        /// <returns>The payload.</returns>
        public static byte[] Pattern(int length, int seed)
        {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++)
            {
                payload[i] = (byte)(seed + i);
            }

            return payload;
        }

        /// <summary>A payload of <paramref name="length"/> bytes all equal to <paramref name="value"/>.</summary>
        /// <param name="length">Payload length.</param>
        /// <param name="value">The byte.</param>
        /// <returns>The payload.</returns>
        public static byte[] Filled(int length, byte value)
        {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++)
            {
                payload[i] = value;
            }

            return payload;
        }

        /// <summary>Appends a good frame whose payload is <see cref="Pattern"/>(length, seed).</summary>
        /// <param name="payloadLength">Payload length, at most the extractor's maximum.</param>
        /// <param name="seed">First payload byte value.</param>
        /// <returns>This builder.</returns>
        public TestStream Frame(int payloadLength, int seed) => FrameOf(Pattern(payloadLength, seed));

        /// <summary>Appends a good frame carrying <paramref name="payload"/>.</summary>
        /// <param name="payload">The payload, at most the extractor's maximum.</param>
        /// <returns>This builder.</returns>
        public TestStream FrameOf(byte[] payload)
        {
            ReportPendingGarbage();
            AppendHeader(payload.Length);
            _payloadOffsets.Add(_length);
            Append(payload, 0, payload.Length);
            _payloads.Add(payload);
            AddEvent("F" + payload.Length);
            return this;
        }

        /// <summary>Appends <paramref name="count"/> garbage bytes (never the marker): one resync episode.</summary>
        /// <param name="count">How many, at least 1.</param>
        /// <returns>This builder.</returns>
        public TestStream Garbage(int count)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "A garbage run has at least one byte.");
            }

            if (_pendingGarbage == 0)
            {
                _garbageRuns++;
            }

            EnsureRoom(count);
            for (int i = 0; i < count; i++)
            {
                // 0x00..0x5F: never the marker 0x72.
                _bytes[_length++] = (byte)(i % 0x60);
            }

            _pendingGarbage += count;
            _garbageBytes += count;
            return this;
        }

        /// <summary>Appends a header announcing <paramref name="announcedLength"/> bytes and that many filler bytes.</summary>
        /// <param name="announcedLength">Above the extractor's maximum, at most 65535.</param>
        /// <returns>This builder.</returns>
        public TestStream Oversized(int announcedLength)
        {
            ReportPendingGarbage();
            AppendHeader(announcedLength);
            EnsureRoom(announcedLength);
            for (int i = 0; i < announcedLength; i++)
            {
                _bytes[_length++] = OversizedFiller;
            }

            _oversizedFrames++;
            _oversizedBytes += announcedLength;
            AddEvent("T" + announcedLength);
            return this;
        }

        /// <summary>The payload of the good frame at <paramref name="index"/>.</summary>
        /// <param name="index">0-based frame index.</param>
        /// <returns>The payload.</returns>
        public byte[] Payload(int index) => (byte[])_payloads[index]!;

        /// <summary>Where the payload of the good frame at <paramref name="index"/> starts in the stream.</summary>
        /// <param name="index">0-based frame index.</param>
        /// <returns>The offset of its first payload byte.</returns>
        public int PayloadOffset(int index) => (int)_payloadOffsets[index]!;

        /// <summary>A copy of the stream.</summary>
        /// <returns>The bytes.</returns>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_bytes, 0, copy, 0, _length);
            return copy;
        }

        private void ReportPendingGarbage()
        {
            if (_pendingGarbage > 0)
            {
                AddEvent("R" + _pendingGarbage);
                _pendingGarbage = 0;
            }
        }

        private void AppendHeader(int payloadLength)
        {
            EnsureRoom(FrameFormat.HeaderBytes);
            _bytes[_length] = FrameFormat.Marker;
            _bytes[_length + 1] = (byte)(payloadLength >> 8);
            _bytes[_length + 2] = (byte)payloadLength;
            _length += FrameFormat.HeaderBytes;
        }

        private void Append(byte[] source, int offset, int count)
        {
            EnsureRoom(count);
            Array.Copy(source, offset, _bytes, _length, count);
            _length += count;
        }

        private void AddEvent(string token) => _events.Add(token);

        private void EnsureRoom(int count)
        {
            if (_length + count <= _bytes.Length)
            {
                return;
            }

            int capacity = _bytes.Length * 2;
            while (capacity < _length + count)
            {
                capacity *= 2;
            }

            byte[] larger = new byte[capacity];
            Array.Copy(_bytes, 0, larger, 0, _length);
            _bytes = larger;
        }
    }
}
