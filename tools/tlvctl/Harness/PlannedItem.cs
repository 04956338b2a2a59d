using System;
using System.Globalization;
using NanoTlv.Client;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Harness
{
    /// <summary>One stretch of the stream and the message the device must answer it with.</summary>
    /// <param name="Kind">What it is.</param>
    /// <param name="Start">Offset in the stream.</param>
    /// <param name="Length">Bytes.</param>
    /// <param name="RequestId">PING request id; for injected faults, the id of the last PING before them (0 if none).</param>
    /// <param name="Echo">PING payload, or empty.</param>
    /// <param name="Size">Garbage run length, announced oversized length, or zero-length payload size.</param>
    /// <param name="DeviceMaxPayloadBytes">The device's limit, expected in FrameTooLarge events.</param>
    internal sealed record PlannedItem(PlannedItemKind Kind, int Start, int Length, ushort RequestId, ReadOnlyMemory<byte> Echo, int Size, int DeviceMaxPayloadBytes)
    {
        /// <summary>Offset just past the item.</summary>
        public int End => Start + Length;

        /// <summary>What the device must send for this item.</summary>
        public string DescribeExpected() => Kind switch
        {
            PlannedItemKind.Ping => "PING reply id " + RequestId + " status Ok echoing " + Echo.Length + " bytes",
            PlannedItemKind.Garbage => "FRAMING_ERROR GarbageSkipped skipped=" + Size,
            PlannedItemKind.Oversized => "FRAMING_ERROR FrameTooLarge announced=" + Size + " max=" + DeviceMaxPayloadBytes,
            _ => "FRAMING_ERROR MalformedRequest payload_length=" + Size,
        };

        /// <summary>True when <paramref name="message"/> is exactly what this item must produce.</summary>
        /// <param name="message">A message from the device.</param>
        /// <returns>Whether it matches.</returns>
        public bool IsAnsweredBy(IncomingMessage message)
        {
            if (Kind == PlannedItemKind.Ping)
            {
                return message.IsReply && message.Opcode == Opcode.Ping && message.RequestId == RequestId
                    && message.Status == StatusCode.Ok && message.Data.Span.SequenceEqual(Echo.Span);
            }

            if (!message.IsEvent || message.Code != (byte)EventCode.FramingError)
            {
                return false;
            }

            return DeviceEventDecoder.Decode(message) switch
            {
                FramingErrorEvent { Status: StatusCode.GarbageSkipped } e => Kind == PlannedItemKind.Garbage && e.SkippedBytes == Size,
                FramingErrorEvent { Status: StatusCode.FrameTooLarge } e => Kind == PlannedItemKind.Oversized && e.AnnouncedLength == Size && e.MaxPayloadBytes == DeviceMaxPayloadBytes,
                FramingErrorEvent { Status: StatusCode.MalformedRequest } e => Kind == PlannedItemKind.ZeroLength && e.PayloadLength == Size,
                _ => false,
            };
        }

        /// <summary>Describes a message from the device for a mismatch report.</summary>
        /// <param name="message">The message.</param>
        /// <returns>A one-line description.</returns>
        public static string Describe(IncomingMessage message)
        {
            if (message.IsEvent)
            {
                string detail = DeviceEventDecoder.Decode(message) switch
                {
                    FramingErrorEvent e => " " + e.Status + (e.SkippedBytes is long s ? " skipped=" + s : string.Empty)
                        + (e.AnnouncedLength is int a ? " announced=" + a + " max=" + e.MaxPayloadBytes : string.Empty)
                        + (e.PayloadLength is int p ? " payload_length=" + p : string.Empty),
                    PinChangedEvent e => " pin " + e.Pin + " level " + (e.High ? 1 : 0),
                    _ => " status " + message.Status + " with " + message.Data.Length + " data bytes",
                };
                string name = Enum.IsDefined((EventCode)message.Code) ? ((EventCode)message.Code).ToString() : "event 0x" + message.Code.ToString("X2", CultureInfo.InvariantCulture);
                return name + detail;
            }

            return MessageCatalog.NameOf((byte)message.Opcode) + " reply id " + message.RequestId + " status " + StatusDescriptions.NameOf(message.Status)
                + " with " + message.Data.Length + " data bytes" + (message.Data.Length > 0 ? " (" + Hex(message.Data.Span) + ")" : string.Empty);
        }

        private static string Hex(ReadOnlySpan<byte> data)
        {
            const int MaxShownBytes = 16;
            string shown = Convert.ToHexString(data.Length > MaxShownBytes ? data[..MaxShownBytes] : data);
            return data.Length > MaxShownBytes ? shown + "…" : shown;
        }
    }
}
