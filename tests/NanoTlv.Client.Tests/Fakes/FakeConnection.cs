using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Framing;
using NanoTlv.Messages;
using NanoTlv.Testing;

namespace NanoTlv.Client.Tests.Fakes
{
    /// <summary>
    /// One accepted connection of <see cref="FakeDevice"/>: read requests, write whatever bytes a test wants.
    /// Reads strictly, as a device would have to: a client that sends anything but whole, well-formed request
    /// frames (junk between frames, an oversized or short frame) fails the test with an <see cref="InvalidDataException"/>.
    /// </summary>
    public sealed class FakeConnection : IAsyncDisposable
    {
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;
        private readonly FrameExtractor _extractor = new(FrameFormat.MaxEncodablePayloadBytes, strict: true);
        private readonly Queue<FakeRequest> _pending = new();
        private readonly byte[] _buffer = new byte[4096];

        public FakeConnection(TcpClient tcp)
        {
            _tcp = tcp;
            _tcp.NoDelay = true;
            _stream = tcp.GetStream();
        }

        /// <summary>Reads the next request frame (bounded by <paramref name="timeout"/>, default 5 s).</summary>
        /// <exception cref="TimeoutException">No whole request arrived in time (the client sent none).</exception>
        public async Task<FakeRequest> ReadRequestAsync(TimeSpan? timeout = null)
        {
            TimeSpan bound = timeout ?? TimeSpan.FromSeconds(5);
            using var limit = new CancellationTokenSource(bound);
            try
            {
                return await ReadNextRequestAsync(limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                // Said plainly: a bare TaskCanceledException from the fake reads like the client's cancellation.
                throw new TimeoutException("The fake device received no whole request within " + bound.TotalMilliseconds + " ms.");
            }
        }

        private async Task<FakeRequest> ReadNextRequestAsync(CancellationToken cancellationToken)
        {
            while (_pending.Count == 0)
            {
                int received = await _stream.ReadAsync(_buffer, cancellationToken);
                if (received == 0)
                {
                    throw new EndOfStreamException("The client closed the connection.");
                }

                _extractor.Feed(_buffer, 0, received);
                FrameReadResult result;
                while ((result = _extractor.Next()) != FrameReadResult.NeedMoreData)
                {
                    if (result != FrameReadResult.Frame)
                    {
                        throw new InvalidDataException("The client sent bytes that are not a well-formed frame (" + result + ", fault " + _extractor.Fault + ").");
                    }

                    byte[] payload = new ReadOnlySpan<byte>(_extractor.FrameBuffer, _extractor.FrameOffset, _extractor.FrameLength).ToArray();
                    if (payload.Length < MessageHeader.RequestHeaderBytes)
                    {
                        throw new InvalidDataException("The client sent a frame of " + payload.Length + " bytes, too short for a request header.");
                    }

                    _pending.Enqueue(new FakeRequest((Opcode)payload[0], BigEndian.ReadUInt16(payload, 1), payload[MessageHeader.RequestHeaderBytes..], Hex.Frame(payload)));
                }
            }

            return _pending.Dequeue();
        }

        public Task ReplyAsync(FakeRequest request, StatusCode status, params byte[] data) =>
            ReplyAsync((byte)request.Opcode, request.RequestId, status, data);

        public Task ReplyAsync(byte opcode, ushort requestId, StatusCode status, params byte[] data)
        {
            var payload = new byte[MessageHeader.ReplyHeaderBytes + data.Length];
            payload[0] = (byte)(opcode | MessageHeader.ReplyFlag);
            BigEndian.WriteUInt16(payload, 1, requestId);
            payload[3] = (byte)status;
            data.CopyTo(payload, MessageHeader.ReplyHeaderBytes);
            return SendPayloadAsync(payload);
        }

        public Task EventAsync(EventCode code, StatusCode status, params byte[] data) => SendPayloadAsync(Wire.Event(code, status, data));

        public Task SendPayloadAsync(byte[] payload) => SendRawAsync(Hex.Frame(payload));

        public async Task SendRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

        public void Close() => _tcp.Dispose();

        public ValueTask DisposeAsync()
        {
            _tcp.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
