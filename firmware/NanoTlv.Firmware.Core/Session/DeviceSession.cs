using System;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Diagnostics;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Security;
using NanoTlv.Firmware.Transport;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Session
{
    /// <summary>
    /// One connection slot's receive side: socket → extractor → dispatcher → reply batch → socket. Owns, from
    /// start-up, a receive buffer, a <see cref="FrameExtractor"/> (with its payload buffer), the request
    /// (argument reader, scratch), the connection's <see cref="ConnectionAuthentication"/> and, through <see cref="SessionOutput"/>, the reply buffers; a new
    /// connection resets them instead of allocating.
    /// </summary>
    /// <remarks>
    /// Each received chunk is fed to the extractor; its frames are dispatched in order and their replies
    /// batched, then sent with one send. Nothing a client sends ends the session except closing the connection,
    /// leaving a frame unfinished past the receive timeout, sending no request within the idle timeout and,
    /// with a token configured, not authenticating within the authentication timeout or presenting too many
    /// wrong tokens: garbage, oversized frames and short payloads get FramingError events, bad requests get
    /// error replies, and a handler failure gets an InternalError reply. A failed send, also one made by a
    /// handler, ends the session. Requests of a connection that has not authenticated do not count as activity
    /// for the idle timeout.
    /// </remarks>
    internal sealed class DeviceSession : IFrameHandler
    {
        /// <summary>Bytes one receive call may deliver.</summary>
        public const int ReceiveBufferBytes = 512;

        private readonly byte[] _receiveBuffer = new byte[ReceiveBufferBytes];
        private readonly FrameExtractor _extractor;
        private readonly ConnectionDeadlines _deadlines;
        private readonly SessionOutput _output;
        private readonly CommandRequest _request;
        private readonly ConnectionAuthentication _authentication;
        private readonly CommandDispatcher _dispatcher;
        private readonly SessionCounters _counters;
        private readonly ISystemMonitor _clock;
        private readonly bool _tokenRequired;
        private readonly ManualResetEvent _stopSignal = new ManualResetEvent(false);
        private bool _stopRequested;
        private SessionEndReason _endReason;

        // When the chunk being delivered arrived, for the IFrameHandler callbacks.
        private long _chunkReceivedAtMs;

        /// <summary>Creates the session of a connection slot with all its buffers.</summary>
        /// <param name="slot">The slot index.</param>
        /// <param name="options">Validated options (limits, timeouts, token).</param>
        /// <param name="dispatcher">The command table.</param>
        /// <param name="output">The slot's sending side.</param>
        /// <param name="counters">The slot's counters.</param>
        /// <param name="clock">Board uptime.</param>
        /// <param name="throttle">The device-wide wrong-token throttle.</param>
        public DeviceSession(int slot, DeviceOptions options, CommandDispatcher dispatcher, SessionOutput output, SessionCounters counters, ISystemMonitor clock, FailedHelloThrottle throttle)
        {
            _extractor = new FrameExtractor(options.MaxPayloadBytes);
            _deadlines = new ConnectionDeadlines(options.ReceiveTimeoutMs, options.IdleTimeoutMs, options.AuthenticationTimeoutMs);
            _output = output;
            _authentication = new ConnectionAuthentication(throttle);
            _request = new CommandRequest(slot, output.Replies, _authentication);
            _dispatcher = dispatcher;
            _counters = counters;
            _clock = clock;
            _tokenRequired = dispatcher.TokenRequired;
        }

        /// <summary>Bytes of the buffers this session allocated: receive, extractor, replies, events, scratch.</summary>
        public int PreallocatedBytes =>
            _receiveBuffer.Length + _extractor.MaxPayloadBytes + _output.PreallocatedBytes + _request.Scratch.Length;

        /// <summary>Why the last connection failed, for the log (null when it did not).</summary>
        public string? LastFailure { get; private set; }

        /// <summary>Serves one connection on the calling thread until it ends. The caller closes the connection
        /// (after releasing what it held, so a client sees the close only once failsafe levels are applied).</summary>
        /// <param name="transport">The connection.</param>
        /// <returns>Why it ended.</returns>
        public SessionEndReason Serve(ITransport transport)
        {
            _extractor.Reset();
            _authentication.Start(!_tokenRequired);
            LastFailure = null;
            _output.Attach(transport);
            _deadlines.Start(_clock.UptimeMs, _tokenRequired);
            SessionEndReason reason;
            try
            {
                reason = ReceiveLoop(transport);
            }
            catch (Exception e)
            {
                reason = _stopRequested ? SessionEndReason.Stopped : SessionEndReason.Failed;
                LastFailure = e.Message;
            }
            finally
            {
                _output.Detach();
            }

            return reason;
        }

        /// <summary>Ends the current connection (and refuses later ones): the server is stopping.</summary>
        public void RequestStop()
        {
            _stopRequested = true;
            _stopSignal.Set();
            _output.CloseTransport();
        }

        private SessionEndReason ReceiveLoop(ITransport transport)
        {
            while (true)
            {
                if (_stopRequested)
                {
                    return SessionEndReason.Stopped;
                }

                long now = _clock.UptimeMs;
                if (_deadlines.HasExpired(now, out SessionEndReason expired))
                {
                    return expired;
                }

                int received = transport.Receive(_receiveBuffer, 0, _receiveBuffer.Length, _deadlines.WaitMs(now));
                if (received == TransportResult.TimedOut)
                {
                    continue;
                }

                if (received <= 0)
                {
                    return _stopRequested ? SessionEndReason.Stopped : SessionEndReason.PeerClosed;
                }

                if (!ProcessChunk(received))
                {
                    return _endReason;
                }
            }
        }

        /// <summary>Handles one received chunk and sends its replies.</summary>
        /// <returns>False when the connection must end (the reason is in _endReason).</returns>
        private bool ProcessChunk(int count)
        {
            long now = _clock.UptimeMs;
            _counters.BytesReceived += count;
            _chunkReceivedAtMs = now;
            long eventsBefore = ExtractorEvents();
            if (!_extractor.Feed(_receiveBuffer, 0, count, this))
            {
                throw new InvalidOperationException("The session's extractor faulted; it runs in lenient mode and should never fault.");
            }

            _output.FlushReplies();
            if (_authentication.MustClose)
            {
                // Too many wrong tokens: what was handled is answered, the rest was ignored; close.
                _endReason = SessionEndReason.AuthenticationFailed;
                return false;
            }

            _deadlines.OnChunk(now, _extractor.IsFrameInProgress, ExtractorEvents() != eventsBefore);
            return true;
        }

        /// <summary>Frames, resync episodes and oversized frames the extractor has reported: each one passed a frame
        /// boundary.</summary>
        private long ExtractorEvents() => _extractor.FramesDecoded + _extractor.Resyncs + _extractor.OversizedFrames;

        /// <summary>A whole request from the chunk being processed (see <see cref="IFrameHandler"/>). Once the
        /// connection must end (too many wrong tokens) the rest of the chunk is ignored.</summary>
        /// <param name="buffer">The chunk or the extractor's buffer.</param>
        /// <param name="offset">Where the payload starts.</param>
        /// <param name="length">The payload length.</param>
        public void OnFrame(byte[] buffer, int offset, int length)
        {
            if (!_authentication.MustClose)
            {
                HandleFrame(buffer, offset, length);
            }
        }

        /// <summary>Garbage was skipped: counted and reported to the client as a FramingError event.</summary>
        /// <param name="skippedBytes">Bytes skipped.</param>
        public void OnResynchronized(int skippedBytes)
        {
            if (_authentication.MustClose)
            {
                return;
            }

            _counters.Resyncs++;
            _counters.SkippedBytes += skippedBytes;
            _output.QueueGarbageSkipped(skippedBytes);
        }

        /// <summary>An oversized frame is being discarded: counted and reported to the client as a FramingError event.</summary>
        /// <param name="announcedLength">The length its header announced.</param>
        public void OnFrameTooLarge(int announcedLength)
        {
            if (_authentication.MustClose)
            {
                return;
            }

            _counters.OversizedFrames++;
            _output.QueueFrameTooLarge(announcedLength, _extractor.MaxPayloadBytes);
        }

        private void HandleFrame(byte[] buffer, int offset, int length)
        {
            _counters.FramesReceived++;
            if (length < MessageHeader.RequestHeaderBytes)
            {
                _output.QueueMalformedRequest(length);
                return;
            }

            _dispatcher.Dispatch(_request, _output, buffer, offset, length);
            if (_output.TransportFailed)
            {
                throw new InvalidOperationException("A send failed inside a handler that did not report it.");
            }

            if (_authentication.IsAuthenticated)
            {
                _deadlines.OnAuthenticated();
                _deadlines.OnRequest(_chunkReceivedAtMs);
            }

            int penaltyMs = _authentication.TakePenaltyMs();
            if (penaltyMs > 0 && !_authentication.MustClose)
            {
                // Holds back this reply (and the connection): only this session's thread waits; Stop wakes it.
                _stopSignal.WaitOne(penaltyMs, false);
            }
        }
    }
}
