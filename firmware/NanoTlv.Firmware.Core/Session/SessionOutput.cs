using System;
using NanoTlv.Firmware.Diagnostics;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Events;
using NanoTlv.Firmware.Transport;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Session
{
    /// <summary>
    /// The sending side of one connection slot. Replies (and framing-error events) are appended to one
    /// preallocated batch buffer by the session thread and sent with one <see cref="ITransport.Send"/> per
    /// received chunk (or earlier when the buffer fills); input-change events come from driver threads through
    /// their own small buffer. Every send happens under one send lock, so frames never interleave.
    /// </summary>
    /// <remarks>
    /// <code>
    /// replies: | 72 len | 92 id 00 01 | 72 len | 82 id 00 .. | ...   (one Send per chunk)
    /// events:  | 72 00 0A | F0 00 00 00 pin level t t t t |          (one Send per event)
    /// </code>
    /// </remarks>
    internal sealed class SessionOutput : IReplyChannel, IPinEventSink
    {
        private const int PinChangedDataBytes = 6;
        private const int EventBufferBytes = FrameFormat.HeaderBytes + MessageHeader.ReplyHeaderBytes + PinChangedDataBytes;
        private const int DirectHeaderBytes = FrameFormat.HeaderBytes + MessageHeader.ReplyHeaderBytes;

        /// <summary>Room a framing-error event needs in the batch: header plus the largest data (u32).</summary>
        private const int FramingEventBytes = FrameFormat.HeaderBytes + MessageHeader.ReplyHeaderBytes + 4;

        private readonly object _sendLock = new object();
        private readonly MessageWriter _replies;
        private readonly MessageWriter _events;
        private readonly byte[] _directHeader = new byte[DirectHeaderBytes];
        private readonly SessionCounters _counters;
        private ITransport? _transport;
        private int _generation;
        private int _queuedFrames;
        private bool _transportFailed;

        /// <summary>Creates the output with its buffers.</summary>
        /// <param name="replyBufferBytes">Size of the reply batch buffer.</param>
        /// <param name="counters">The slot's counters.</param>
        public SessionOutput(int replyBufferBytes, SessionCounters counters)
        {
            _replies = new MessageWriter(new byte[replyBufferBytes]);
            _events = new MessageWriter(new byte[EventBufferBytes]);
            _counters = counters;
        }

        /// <summary>The reply batch; only the session thread writes it.</summary>
        public MessageWriter Replies => _replies;

        /// <summary>Counts connections served by this slot; events carry it to never reach a later connection.</summary>
        public int Generation => _generation;

        /// <summary>Bytes of the buffers this output allocated.</summary>
        public int PreallocatedBytes => _replies.Buffer.Length + _events.Buffer.Length + _directHeader.Length;

        /// <summary>
        /// True once a send of the current connection's replies threw: the connection is dead or stuck and the
        /// session must end. Lets the dispatcher tell a transport failure from a handler bug.
        /// </summary>
        public bool TransportFailed => _transportFailed;

        /// <summary>Starts serving a connection.</summary>
        /// <param name="transport">The connection.</param>
        public void Attach(ITransport transport)
        {
            lock (_sendLock)
            {
                _transport = transport;
                _generation++;
            }

            _replies.Clear();
            _queuedFrames = 0;
            _transportFailed = false;
        }

        /// <summary>Stops sending: later events are dropped. Pending replies are discarded.</summary>
        public void Detach()
        {
            lock (_sendLock)
            {
                _transport = null;
            }

            _replies.Clear();
            _queuedFrames = 0;
        }

        /// <summary>Closes the current connection from any thread (server stop, failed event send).</summary>
        public void CloseTransport()
        {
            ITransport? transport = _transport;
            if (transport != null)
            {
                TransportClosing.CloseQuietly(transport);
            }
        }

        /// <summary>Flushes the batch when fewer than <paramref name="frameBytes"/> bytes are free in it.</summary>
        /// <param name="frameBytes">Size of the frame about to be written.</param>
        public void EnsureRoom(int frameBytes)
        {
            if (_replies.Buffer.Length - _replies.Length < frameBytes)
            {
                FlushReplies();
            }
        }

        /// <summary>Ends the open reply and counts it.</summary>
        /// <param name="status">Its status.</param>
        public void CommitReply(StatusCode status)
        {
            _replies.EndMessage();
            _queuedFrames++;
            if (status != StatusCode.Ok)
            {
                _counters.ErrorReplies++;
            }
        }

        /// <summary>Queues a FramingError event: garbage skipped (data: skipped u32).</summary>
        /// <param name="skippedBytes">Bytes skipped.</param>
        public void QueueGarbageSkipped(int skippedBytes)
        {
            BeginFramingEvent(StatusCode.GarbageSkipped);
            _replies.WriteUInt32(unchecked((uint)skippedBytes));
            CommitReply(StatusCode.GarbageSkipped);
        }

        /// <summary>Queues a FramingError event: frame too large (data: announced u16, max u16).</summary>
        /// <param name="announcedBytes">Length the header announced.</param>
        /// <param name="maxPayloadBytes">The device's maximum.</param>
        public void QueueFrameTooLarge(int announcedBytes, int maxPayloadBytes)
        {
            BeginFramingEvent(StatusCode.FrameTooLarge);
            _replies.WriteUInt16(announcedBytes);
            _replies.WriteUInt16(maxPayloadBytes);
            CommitReply(StatusCode.FrameTooLarge);
        }

        /// <summary>Queues a FramingError event: payload too short for a request (data: payload_length u16).</summary>
        /// <param name="payloadBytes">The payload's length (0..2).</param>
        public void QueueMalformedRequest(int payloadBytes)
        {
            BeginFramingEvent(StatusCode.MalformedRequest);
            _replies.WriteUInt16(payloadBytes);
            CommitReply(StatusCode.MalformedRequest);
        }

        /// <summary>Sends the batched frames, if any, in one send.</summary>
        /// <exception cref="Exception">The transport failed (<see cref="TransportFailed"/> is set); the session ends.</exception>
        public void FlushReplies()
        {
            if (_replies.Length == 0)
            {
                return;
            }

            lock (_sendLock)
            {
                ITransport? transport = _transport;
                if (transport != null)
                {
                    SendOrFail(transport, _replies.Buffer, 0, _replies.Length);
                    _counters.FramesSent += _queuedFrames;
                }
            }

            _replies.Clear();
            _queuedFrames = 0;
        }

        /// <inheritdoc/>
        public void QueueEcho(byte opcode, ushort requestId, byte[] data, int offset, int count)
        {
            int frameBytes = DirectHeaderBytes + count;
            if (frameBytes > _replies.Buffer.Length)
            {
                SendDirectReply(opcode, requestId, data, offset, count);
                return;
            }

            EnsureRoom(frameBytes);
            _replies.BeginReply(opcode, requestId, StatusCode.Ok);
            _replies.WriteBytes(data, offset, count);
            CommitReply(StatusCode.Ok);
        }

        /// <summary>
        /// Sends a reply too large for the batch buffer (a long PING echo) straight from the request's bytes:
        /// the batch is flushed first (replies stay in order), then the 7-byte header, then the data.
        /// </summary>
        /// <param name="opcode">The request's opcode.</param>
        /// <param name="requestId">The request's id.</param>
        /// <param name="data">The data's array.</param>
        /// <param name="offset">First data byte.</param>
        /// <param name="count">Data bytes (at most 65531).</param>
        /// <exception cref="Exception">The transport failed (<see cref="TransportFailed"/> is set); the session ends.</exception>
        private void SendDirectReply(byte opcode, ushort requestId, byte[] data, int offset, int count)
        {
            FlushReplies();
            int payloadBytes = MessageHeader.ReplyHeaderBytes + count;
            _directHeader[0] = FrameFormat.Marker;
            BigEndian.WriteUInt16(_directHeader, 1, payloadBytes);
            _directHeader[FrameFormat.HeaderBytes] = MessageHeader.ReplyCodeFor(opcode);
            BigEndian.WriteUInt16(_directHeader, FrameFormat.HeaderBytes + 1, requestId);
            _directHeader[FrameFormat.HeaderBytes + MessageHeader.StatusOffset] = (byte)StatusCode.Ok;
            lock (_sendLock)
            {
                ITransport? transport = _transport;
                if (transport != null)
                {
                    SendOrFail(transport, _directHeader, 0, DirectHeaderBytes);
                    SendOrFail(transport, data, offset, count);
                    _counters.FramesSent++;
                }
            }
        }

        /// <summary>
        /// Sends a PinChanged event now (called on a driver thread). Never throws: a failed send closes the
        /// connection, which ends its session.
        /// </summary>
        /// <param name="generation">The <see cref="Generation"/> the subscription belongs to.</param>
        /// <param name="pin">The pin.</param>
        /// <param name="high">Its new level.</param>
        /// <param name="timestampMs">Board uptime of the change (wraps at 2^32).</param>
        public void SendPinChanged(int generation, int pin, bool high, uint timestampMs)
        {
            ITransport? failed = null;
            lock (_sendLock)
            {
                ITransport? transport = _transport;
                if (transport == null || generation != _generation)
                {
                    return;
                }

                _events.Clear();
                _events.BeginEvent(EventCode.PinChanged, StatusCode.Ok);
                _events.WriteByte((byte)pin);
                _events.WriteByte(high ? (byte)1 : (byte)0);
                _events.WriteUInt32(timestampMs);
                _events.EndMessage();
                try
                {
                    transport.Send(_events.Buffer, 0, _events.Length);
                    _counters.FramesSent++;
                }
                catch (Exception)
                {
                    failed = transport;
                }
            }

            if (failed != null)
            {
                TransportClosing.CloseQuietly(failed);
            }
        }

        private void SendOrFail(ITransport transport, byte[] buffer, int offset, int count)
        {
            try
            {
                transport.Send(buffer, offset, count);
            }
            catch (Exception)
            {
                // Possibly mid-frame: nothing more may follow on this connection.
                _transportFailed = true;
                throw;
            }
        }

        private void BeginFramingEvent(StatusCode status)
        {
            EnsureRoom(FramingEventBytes);
            _replies.BeginEvent(EventCode.FramingError, status);
        }
    }
}
