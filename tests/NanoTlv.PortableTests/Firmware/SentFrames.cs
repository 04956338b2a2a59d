using System;
using System.Collections;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.PortableTests.Firmware
{
    /// <summary>
    /// What the device sent on a <see cref="ScriptedTransport"/>, cut back into frame payloads by a strict
    /// <see cref="FrameExtractor"/>: any byte that is not part of a well-formed frame fails the case.
    /// </summary>
    public sealed class SentFrames
    {
        private const int MaxReplyPayloadBytes = 1024;
        private const int StatusBytes = 1;

        private readonly ArrayList _payloads = new ArrayList();

        /// <summary>Parses everything <paramref name="transport"/> was sent.</summary>
        /// <param name="transport">The transport after the connection ended.</param>
        public SentFrames(ScriptedTransport transport)
        {
            FrameExtractor extractor = new FrameExtractor(MaxReplyPayloadBytes, true);
            extractor.Feed(transport.SentBuffer, 0, transport.SentLength);
            FrameReadResult result;
            while ((result = extractor.Next()) == FrameReadResult.Frame)
            {
                byte[] payload = new byte[extractor.FrameLength];
                Array.Copy(extractor.FrameBuffer, extractor.FrameOffset, payload, 0, extractor.FrameLength);
                _payloads.Add(payload);
            }

            Check.Result(FrameReadResult.NeedMoreData, result, "end of the sent stream (only whole frames)");
            Check.Equal(0, extractor.PendingBytes, "sent bytes after the last whole frame");
        }

        /// <summary>Frames sent.</summary>
        public int Count => _payloads.Count;

        /// <summary>The payload of frame <paramref name="index"/>.</summary>
        /// <param name="index">0-based, in send order.</param>
        /// <returns>The payload.</returns>
        public byte[] Payload(int index) => (byte[])_payloads[index]!;

        /// <summary>Fails unless exactly <paramref name="expected"/> frames were sent.</summary>
        /// <param name="expected">The frame count.</param>
        public void CheckCount(int expected) => Check.Equal(expected, Count, "frames sent");

        /// <summary>Fails unless frame <paramref name="index"/> is the reply to a request, byte for byte.</summary>
        /// <param name="index">0-based frame index.</param>
        /// <param name="opcode">The request's first byte.</param>
        /// <param name="requestId">The request's id.</param>
        /// <param name="status">The expected status.</param>
        /// <param name="data">The expected data after the status (empty for none).</param>
        public void CheckReply(int index, byte opcode, ushort requestId, StatusCode status, byte[] data) =>
            CheckMessage(index, MessageHeader.ReplyCodeFor(opcode), requestId, status, data, "reply " + index);

        /// <summary>Fails unless frame <paramref name="index"/> is an event, byte for byte.</summary>
        /// <param name="index">0-based frame index.</param>
        /// <param name="code">The event code.</param>
        /// <param name="status">The expected status.</param>
        /// <param name="data">The expected data after the status.</param>
        public void CheckEvent(int index, EventCode code, StatusCode status, byte[] data) =>
            CheckMessage(index, (byte)code, MessageHeader.EventRequestId, status, data, "event " + index);

        private void CheckMessage(int index, byte code, ushort requestId, StatusCode status, byte[] data, string what)
        {
            Check.True(index < Count, what + " was sent (" + Count + " frames)");
            byte[] expected = new byte[MessageHeader.ReplyHeaderBytes + data.Length];
            expected[0] = code;
            BigEndian.WriteUInt16(expected, 1, requestId);
            expected[MessageHeader.StatusOffset] = (byte)status;
            Array.Copy(data, 0, expected, MessageHeader.StatusOffset + StatusBytes, data.Length);
            Check.Bytes(expected, Payload(index), what);
        }
    }
}
