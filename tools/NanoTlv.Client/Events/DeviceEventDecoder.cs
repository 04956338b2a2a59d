using System;
using System.Buffers.Binary;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>Turns event messages (codes 0xF0 and above) into <see cref="DeviceEvent"/> records.</summary>
    public static class DeviceEventDecoder
    {
        private const int PinChangedBytes = 6;
        private const int GarbageSkippedBytes = 4;
        private const int FrameTooLargeBytes = 4;
        private const int MalformedRequestBytes = 2;
        private const int ConnectionRejectedBytes = 1;

        /// <summary>Decodes <paramref name="message"/>; a message that does not fit its event's layout becomes a
        /// <see cref="ProtocolViolationEvent"/> describing it.</summary>
        /// <param name="message">An event message (<see cref="IncomingMessage.IsEvent"/>).</param>
        /// <returns>The event.</returns>
        public static DeviceEvent Decode(IncomingMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            ReadOnlySpan<byte> data = message.Data.Span;
            if (message.RequestId != MessageHeader.EventRequestId)
            {
                return Violation(message, "carries request id " + message.RequestId + " instead of 0");
            }

            switch ((EventCode)message.Code)
            {
                case EventCode.PinChanged when data.Length == PinChangedBytes && message.Status == StatusCode.Ok:
                    return new PinChangedEvent(data[0], data[1] != 0, BinaryPrimitives.ReadUInt32BigEndian(data.Slice(2)));

                case EventCode.FramingError when message.Status == StatusCode.GarbageSkipped && data.Length == GarbageSkippedBytes:
                    return new FramingErrorEvent(message.Status, BinaryPrimitives.ReadUInt32BigEndian(data.Slice(0)), null, null, null);

                case EventCode.FramingError when message.Status == StatusCode.FrameTooLarge && data.Length == FrameTooLargeBytes:
                    return new FramingErrorEvent(message.Status, null, BinaryPrimitives.ReadUInt16BigEndian(data.Slice(0)), BinaryPrimitives.ReadUInt16BigEndian(data.Slice(2)), null);

                case EventCode.FramingError when message.Status == StatusCode.MalformedRequest && data.Length == MalformedRequestBytes:
                    return new FramingErrorEvent(message.Status, null, null, null, BinaryPrimitives.ReadUInt16BigEndian(data.Slice(0)));

                case EventCode.ConnectionRejected when data.Length == ConnectionRejectedBytes:
                    return new ConnectionRejectedEvent(data[0]);

                default:
                    return Violation(message, "does not match any event layout");
            }
        }

        private static ProtocolViolationEvent Violation(IncomingMessage message, string problem) =>
            new("event 0x" + message.Code.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
                + " (status " + StatusDescriptions.NameOf(message.Status) + ", " + message.Data.Length + " data bytes) " + problem);
    }
}
