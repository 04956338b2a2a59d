using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>The receive side: one reader per connection, frames to replies and events.</summary>
    public sealed partial class TlvClient
    {
        private async Task ReadLoopAsync(DeviceConnection connection)
        {
            var buffer = new byte[ReceiveBufferBytes];
            var extractor = new FrameExtractor(FrameFormat.MaxEncodablePayloadBytes);
            string reason;
            try
            {
                while (true)
                {
                    int received = await connection.Stream.ReadAsync(buffer, connection.Stopping.Token).ConfigureAwait(false);
                    if (received == 0)
                    {
                        reason = connection.RejectedMaxClients is int maxClients
                            ? "the device rejected the connection: all " + maxClients + " connection slots are in use"
                            : "the device closed the connection";
                        break;
                    }

                    extractor.Feed(buffer, 0, received);
                    FrameReadResult result;
                    while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
                    {
                        if (result == FrameReadResult.Frame)
                        {
                            HandleFrame(connection, new ReadOnlySpan<byte>(extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength));
                        }
                        else if (result == FrameReadResult.Resynchronized)
                        {
                            Publish(new ProtocolViolationEvent("the device sent " + extractor.LastSkippedBytes + " bytes that are not a frame; they were skipped"));
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                reason = connection.LostReason ?? ex.Message;
            }

            EndConnection(connection, reason, byClient: false);
        }

        private void HandleFrame(DeviceConnection connection, ReadOnlySpan<byte> payload)
        {
            if (!IncomingMessage.TryParse(payload, out IncomingMessage? message))
            {
                Publish(new ProtocolViolationEvent("the device sent a " + payload.Length + "-byte payload, shorter than the 4-byte reply header"));
                return;
            }

            if (message.IsEvent)
            {
                DeviceEvent deviceEvent = DeviceEventDecoder.Decode(message);
                if (deviceEvent is ConnectionRejectedEvent rejected)
                {
                    connection.RejectedMaxClients = rejected.MaxClients;
                }

                Publish(deviceEvent);
                return;
            }

            if (!message.IsReply)
            {
                Publish(new ProtocolViolationEvent("the device sent code 0x" + message.Code.ToString("X2", CultureInfo.InvariantCulture) + ", which is neither a reply nor an event"));
                return;
            }

            switch (_tracker.Match(message, out PendingRequest? request))
            {
                case ReplyMatch.InOrder:
                    request!.Completion.TrySetResult(message);
                    break;
                case ReplyMatch.OutOfOrder:
                    Publish(new ProtocolViolationEvent("the reply to " + request!.Describe() + " came before replies to earlier requests"));
                    request.Completion.TrySetResult(message);
                    break;
                case ReplyMatch.OpcodeMismatch:
                    string problem = "the reply to " + request!.Describe() + " is a " + MessageCatalog.NameOf((byte)message.Opcode) + " reply";
                    Publish(new ProtocolViolationEvent(problem));
                    request.Completion.TrySetException(new TlvProtocolException(problem + "."));
                    break;
                case ReplyMatch.UnknownId:
                    Publish(new ProtocolViolationEvent("a " + MessageCatalog.NameOf((byte)message.Opcode) + " reply carries request id " + message.RequestId + ", which is not in flight"));
                    break;
                default:
                    break;
            }
        }

        private void Publish(DeviceEvent deviceEvent)
        {
            EventHandler<DeviceEventArgs>? handler = EventReceived;
            if (handler is not null)
            {
                try
                {
                    handler(this, new DeviceEventArgs(deviceEvent));
                }
#pragma warning disable CA1031 // A subscriber's bug must not stop the reader that serves every request.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Debug.WriteLine("TlvClient.EventReceived handler threw: " + ex);
                }
            }

            _events.Writer.TryWrite(deviceEvent);
        }
    }
}
