using System;
using System.Collections;
using NanoTlv.Firmware.Transport;

namespace NanoTlv.PortableTests.Firmware
{
    /// <summary>
    /// An in-memory connection for the firmware cases: <see cref="Receive"/> hands out the scripted chunks in
    /// order, then reports the peer closed (0); <see cref="Send"/> appends to one preallocated buffer.
    /// </summary>
    public sealed class ScriptedTransport : ITransport
    {
        /// <summary>Room for everything the device may send in one case.</summary>
        public const int SentCapacityBytes = 4096;

        private readonly ArrayList _chunks = new ArrayList();
        private readonly byte[] _sent = new byte[SentCapacityBytes];
        private int _nextChunk;
        private int _chunkOffset;

        /// <summary>Bytes sent by the device so far.</summary>
        public int SentLength { get; private set; }

        /// <summary>The buffer holding the sent bytes; the first <see cref="SentLength"/> count.</summary>
        public byte[] SentBuffer => _sent;

        /// <summary>Calls of <see cref="Close"/>.</summary>
        public int CloseCount { get; private set; }

        /// <summary>True once every scripted chunk was handed out and the close reported.</summary>
        public bool ReportedClosed { get; private set; }

        /// <summary>Scripts one chunk: one receive call delivers it (or as much as fits, the rest next time).</summary>
        /// <param name="chunk">The bytes; copied.</param>
        /// <returns>This transport.</returns>
        public ScriptedTransport Chunk(byte[] chunk)
        {
            byte[] copy = new byte[chunk.Length];
            Array.Copy(chunk, copy, chunk.Length);
            _chunks.Add(copy);
            return this;
        }

        /// <summary>Scripts <paramref name="stream"/> cut into chunks of <paramref name="chunkBytes"/> (the last may be shorter).</summary>
        /// <param name="stream">The bytes.</param>
        /// <param name="chunkBytes">Chunk size, at least 1.</param>
        /// <returns>This transport.</returns>
        public ScriptedTransport InChunks(byte[] stream, int chunkBytes)
        {
            for (int offset = 0; offset < stream.Length; offset += chunkBytes)
            {
                int count = stream.Length - offset < chunkBytes ? stream.Length - offset : chunkBytes;
                byte[] chunk = new byte[count];
                Array.Copy(stream, offset, chunk, 0, count);
                _chunks.Add(chunk);
            }

            return this;
        }

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_nextChunk >= _chunks.Count)
            {
                ReportedClosed = true;
                return TransportResult.Closed;
            }

            byte[] chunk = (byte[])_chunks[_nextChunk]!;
            int delivered = chunk.Length - _chunkOffset < count ? chunk.Length - _chunkOffset : count;
            Array.Copy(chunk, _chunkOffset, buffer, offset, delivered);
            _chunkOffset += delivered;
            if (_chunkOffset == chunk.Length)
            {
                _nextChunk++;
                _chunkOffset = 0;
            }

            return delivered;
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            if (count > _sent.Length - SentLength)
            {
                throw new InvalidOperationException("The device sent more than " + SentCapacityBytes + " bytes.");
            }

            Array.Copy(buffer, offset, _sent, SentLength, count);
            SentLength += count;
        }

        /// <inheritdoc/>
        public void Close() => CloseCount++;
    }
}
