using System;

namespace NanoTlv.Framing
{
    /// <summary>
    /// Rebuilds TLV frames from the chunks a TCP stream delivers, in one buffer allocated at
    /// construction. A pure byte-in / frame-out state machine: no I/O, no threads, no allocation
    /// after the constructor.
    /// </summary>
    /// <remarks>
    /// <code>
    /// +--------+---------+---------+------------------------+
    /// | 0x72   | len_hi  | len_lo  | payload (len bytes)    |
    /// +--------+---------+---------+------------------------+
    /// </code>
    /// Usage, a pull loop:
    /// <code>
    /// extractor.Feed(chunk, 0, received);
    /// FrameReadResult result;
    /// while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
    /// {
    ///     if (result == FrameReadResult.Frame)
    ///         Handle(extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength);
    /// }
    /// </code>
    /// A payload that lies whole inside the chunk is handed out in place (<see cref="FrameBuffer"/> is the
    /// caller's chunk); a payload that spans chunks is copied once into the extractor's own buffer.
    /// Either way the frame is valid until the next call to <see cref="Next"/> or <see cref="Feed"/>.
    /// <para>
    /// Bad input never loses a good frame. A byte that is not a marker where a frame must start begins a
    /// resync episode: bytes are skipped with <see cref="Array.IndexOf(Array, object, int, int)"/> (native on
    /// the device) up to the next marker, and the episode is reported once as
    /// <see cref="FrameReadResult.Resynchronized"/>. A length above the maximum is reported as
    /// <see cref="FrameReadResult.FrameTooLarge"/> as soon as the header is read (fail-fast); exactly that
    /// many following bytes are then discarded as they arrive, never buffered. In strict mode the first
    /// violation faults the extractor instead.
    /// </para>
    /// </remarks>
    public sealed class FrameExtractor
    {
        private const int StateMarker = 0;
        private const int StateLengthHigh = 1;
        private const int StateLengthLow = 2;
        private const int StatePayload = 3;
        private const int StateDiscard = 4;
        private const int StateFaulted = 5;

#if NANOFRAMEWORK
        // Boxed once: Array.IndexOf(Array, object, ...) is the native search on nanoFramework.
        private static readonly object BoxedMarker = FrameFormat.Marker;
#endif

        private readonly byte[] _payloadBuffer;
        private readonly int _maxPayloadBytes;
        private readonly bool _strict;

        private byte[] _chunk;
        private int _position;
        private int _end;

        private int _state;
        private int _lengthHigh;
        private int _frameLength;
        private int _payloadReceived;
        private int _discardRemaining;
        private bool _inResync;
        private int _resyncSkipped;

        /// <summary>Creates an extractor whose largest accepted payload is <paramref name="maxPayloadBytes"/>.</summary>
        /// <param name="maxPayloadBytes">0..65535; the one buffer allocated has this size.</param>
        /// <param name="strict">When true, the first format violation faults the extractor
        /// (for sessions that prefer to close the connection) instead of being skipped.</param>
        /// <exception cref="ArgumentOutOfRangeException">The maximum is negative or above 65535.</exception>
        public FrameExtractor(int maxPayloadBytes, bool strict)
        {
            if (maxPayloadBytes < 0 || maxPayloadBytes > FrameFormat.MaxEncodablePayloadBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPayloadBytes), "The maximum payload must be between 0 and 65535 bytes.");
            }

            _maxPayloadBytes = maxPayloadBytes;
            _strict = strict;
            _payloadBuffer = new byte[maxPayloadBytes];
            _chunk = _payloadBuffer;
            FrameBuffer = _payloadBuffer;
        }

        /// <summary>Creates a lenient extractor (skips garbage, discards oversized frames).</summary>
        /// <param name="maxPayloadBytes">0..65535; the one buffer allocated has this size.</param>
        public FrameExtractor(int maxPayloadBytes)
            : this(maxPayloadBytes, false)
        {
        }

        /// <summary>The largest payload this extractor accepts.</summary>
        public int MaxPayloadBytes => _maxPayloadBytes;

        /// <summary>True when the first violation faults the extractor.</summary>
        public bool IsStrict => _strict;

        /// <summary>The array holding the last frame: the caller's chunk or the extractor's own buffer.</summary>
        public byte[] FrameBuffer { get; private set; }

        /// <summary>Where the last frame's payload starts in <see cref="FrameBuffer"/>.</summary>
        public int FrameOffset { get; private set; }

        /// <summary>The last frame's payload length.</summary>
        public int FrameLength { get; private set; }

        /// <summary>Bytes skipped by the resync episode last reported.</summary>
        public int LastSkippedBytes { get; private set; }

        /// <summary>The length announced by the oversized frame last reported.</summary>
        public int LastOversizedLength { get; private set; }

        /// <summary>Why a strict extractor faulted; <see cref="FrameFault.None"/> otherwise.</summary>
        public FrameFault Fault { get; private set; }

        /// <summary>
        /// True while the stream is inside a frame: a header or payload is partly received, or an oversized
        /// frame is still being discarded. False between frames and while skipping garbage. A session uses it
        /// to enforce its receive timeout on frames that never complete.
        /// </summary>
        public bool IsFrameInProgress => _state == StateLengthHigh || _state == StateLengthLow || _state == StatePayload || _state == StateDiscard;

        /// <summary>Bytes of the current chunk not yet consumed.</summary>
        public int PendingBytes => _end - _position;

        /// <summary>Whole frames delivered.</summary>
        public long FramesDecoded { get; private set; }

        /// <summary>Bytes fed.</summary>
        public long BytesReceived { get; private set; }

        /// <summary>Resync episodes (runs of bytes skipped to find a marker).</summary>
        public long Resyncs { get; private set; }

        /// <summary>Bytes skipped while resynchronising.</summary>
        public long SkippedBytes { get; private set; }

        /// <summary>Frames whose announced length was above the maximum.</summary>
        public long OversizedFrames { get; private set; }

        /// <summary>Payload bytes of oversized frames discarded so far.</summary>
        public long DiscardedBytes { get; private set; }

        /// <summary>
        /// Hands the extractor the next chunk of the stream. Call <see cref="Next"/> until it returns
        /// <see cref="FrameReadResult.NeedMoreData"/> before feeding again. The chunk is read, never kept
        /// beyond that; frames delivered in place point into it.
        /// </summary>
        /// <param name="chunk">The bytes received.</param>
        /// <param name="offset">Where they start in <paramref name="chunk"/>.</param>
        /// <param name="count">How many there are.</param>
        /// <exception cref="ArgumentNullException"><paramref name="chunk"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Offset or count lie outside the chunk.</exception>
        /// <exception cref="InvalidOperationException">The previous chunk still has unread bytes.</exception>
        public void Feed(byte[] chunk, int offset, int count)
        {
            if (chunk == null)
            {
                throw new ArgumentNullException(nameof(chunk));
            }

            if (offset < 0 || count < 0 || offset > chunk.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "Offset and count must lie inside the chunk.");
            }

            if (_position < _end)
            {
                throw new InvalidOperationException("Feed was called before Next returned NeedMoreData: the previous chunk still has unread bytes.");
            }

            _chunk = chunk;
            _position = offset;
            _end = offset + count;
            BytesReceived += count;
        }

        /// <summary>
        /// Advances through the current chunk to the next event: a frame, a resync episode, an oversized
        /// frame, a fault, or the end of the chunk.
        /// </summary>
        /// <returns>What was found; see <see cref="FrameReadResult"/>.</returns>
        public FrameReadResult Next()
        {
            while (true)
            {
                int available = _end - _position;
                switch (_state)
                {
                    case StateMarker:
                        if (available == 0)
                        {
                            return FrameReadResult.NeedMoreData;
                        }

                        if (_chunk[_position] != FrameFormat.Marker)
                        {
                            if (_strict)
                            {
                                return EnterFault(FrameFault.UnexpectedByte);
                            }

                            SkipToNextMarker();
                            continue;
                        }

                        if (_inResync)
                        {
                            // Report the episode before consuming the marker that ended it.
                            _inResync = false;
                            LastSkippedBytes = _resyncSkipped;
                            _resyncSkipped = 0;
                            return FrameReadResult.Resynchronized;
                        }

                        if (available < FrameFormat.HeaderBytes)
                        {
                            _position++;
                            _state = StateLengthHigh;
                            continue;
                        }

                        _lengthHigh = _chunk[_position + 1];
                        int length = (_lengthHigh << 8) | _chunk[_position + 2];
                        _position += FrameFormat.HeaderBytes;
                        return BeginPayload(length);

                    case StateLengthHigh:
                        if (available == 0)
                        {
                            return FrameReadResult.NeedMoreData;
                        }

                        _lengthHigh = _chunk[_position++];
                        _state = StateLengthLow;
                        continue;

                    case StateLengthLow:
                        if (available == 0)
                        {
                            return FrameReadResult.NeedMoreData;
                        }

                        int announced = (_lengthHigh << 8) | _chunk[_position++];
                        return BeginPayload(announced);

                    case StatePayload:
                        if (available == 0)
                        {
                            return FrameReadResult.NeedMoreData;
                        }

                        if (_payloadReceived == 0 && available >= _frameLength)
                        {
                            // The header ended the previous chunk and this one holds the whole payload: in place, no copy.
                            int start = _position;
                            _position += _frameLength;
                            return Deliver(_chunk, start, _frameLength);
                        }

                        int missing = _frameLength - _payloadReceived;
                        int take = available < missing ? available : missing;
                        Array.Copy(_chunk, _position, _payloadBuffer, _payloadReceived, take);
                        _position += take;
                        _payloadReceived += take;
                        if (_payloadReceived < _frameLength)
                        {
                            return FrameReadResult.NeedMoreData;
                        }

                        return Deliver(_payloadBuffer, 0, _frameLength);

                    case StateDiscard:
                        if (available == 0)
                        {
                            return FrameReadResult.NeedMoreData;
                        }

                        int discard = available < _discardRemaining ? available : _discardRemaining;
                        _position += discard;
                        _discardRemaining -= discard;
                        DiscardedBytes += discard;
                        if (_discardRemaining == 0)
                        {
                            _state = StateMarker;
                        }

                        continue;

                    default:
                        // Faulted: nothing is read until Reset.
                        return FrameReadResult.Faulted;
                }
            }
        }

        /// <summary>
        /// Forgets the stream: partial frames, resync and discard state, faults, the current chunk and the
        /// counters. The buffer is kept, so a session can reuse the extractor for its next connection.
        /// </summary>
        public void Reset()
        {
            _chunk = _payloadBuffer;
            _position = 0;
            _end = 0;
            _state = StateMarker;
            _lengthHigh = 0;
            _frameLength = 0;
            _payloadReceived = 0;
            _discardRemaining = 0;
            _inResync = false;
            _resyncSkipped = 0;
            FrameBuffer = _payloadBuffer;
            FrameOffset = 0;
            FrameLength = 0;
            LastSkippedBytes = 0;
            LastOversizedLength = 0;
            Fault = FrameFault.None;
            FramesDecoded = 0;
            BytesReceived = 0;
            Resyncs = 0;
            SkippedBytes = 0;
            OversizedFrames = 0;
            DiscardedBytes = 0;
        }

        private FrameReadResult BeginPayload(int length)
        {
            if (length > _maxPayloadBytes)
            {
                OversizedFrames++;
                LastOversizedLength = length;
                if (_strict)
                {
                    return EnterFault(FrameFault.FrameTooLarge);
                }

                _discardRemaining = length;
                _state = StateDiscard;
                return FrameReadResult.FrameTooLarge;
            }

            int available = _end - _position;
            if (available >= length)
            {
                // The whole payload is in this chunk: hand it out in place, no copy.
                int start = _position;
                _position += length;
                return Deliver(_chunk, start, length);
            }

            Array.Copy(_chunk, _position, _payloadBuffer, 0, available);
            _position = _end;
            _frameLength = length;
            _payloadReceived = available;
            _state = StatePayload;
            return FrameReadResult.NeedMoreData;
        }

        private FrameReadResult Deliver(byte[] buffer, int offset, int length)
        {
            FrameBuffer = buffer;
            FrameOffset = offset;
            FrameLength = length;
            FramesDecoded++;
            _state = StateMarker;
            return FrameReadResult.Frame;
        }

        private void SkipToNextMarker()
        {
            if (!_inResync)
            {
                _inResync = true;
                Resyncs++;
            }

            int searchFrom = _position + 1;
            int found = IndexOfMarker(_chunk, searchFrom, _end - searchFrom);
            int stop = found < 0 ? _end : found;
            int skipped = stop - _position;
            _resyncSkipped += skipped;
            SkippedBytes += skipped;
            _position = stop;
        }

        private FrameReadResult EnterFault(FrameFault fault)
        {
            Fault = fault;
            _state = StateFaulted;
            return FrameReadResult.Faulted;
        }

        private static int IndexOfMarker(byte[] buffer, int start, int count)
        {
#if NANOFRAMEWORK
            return Array.IndexOf(buffer, BoxedMarker, start, count);
#else
            int found = buffer.AsSpan(start, count).IndexOf(FrameFormat.Marker);
            return found < 0 ? -1 : start + found;
#endif
        }
    }
}
