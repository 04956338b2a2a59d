using System;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Transport;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Discovery
{
    /// <summary>
    /// Makes a board findable: broadcasts its ANNOUNCE every few seconds and answers each DISCOVER with it, unicast
    /// to the asker. Every other datagram is ignored and counted (<see cref="Counters"/>); nothing a datagram holds
    /// can stop it.
    /// </summary>
    /// <remarks>
    /// <code>
    /// UDP socket → Receive (one datagram) → DiscoveryCodec.ReadDiscover → Ok: ReplyToSender(announcement)
    ///                                                                  else: counted, dropped
    /// timer due  → Broadcast(announcement)
    /// </code>
    /// The announcement is encoded once, in the constructor, and the same bytes are sent every time; the receive
    /// buffer is allocated once. Nothing is allocated per datagram. Runs on its own thread (<see cref="Run"/>) or is
    /// stepped by a test (<see cref="Step"/>).
    /// </remarks>
    public sealed class DiscoveryResponder
    {
        /// <summary>Longest single wait for a datagram, so <see cref="Stop"/> and the timer are noticed.</summary>
        public const int MaxWaitMs = 1000;

        /// <summary>The announce interval meaning "answer requests only, never broadcast".</summary>
        public const int NoPeriodicAnnouncements = 0;

        /// <summary>Pause after a failed receive, so a broken socket does not spin the CPU.</summary>
        public const int FailureBackoffMs = 100;

        private readonly IDatagramTransport _transport;
        private readonly ISystemMonitor _clock;
        private readonly ILog _log;
        private readonly int _announceIntervalMs;

        // One byte more than the longest discovery datagram: a datagram that fills it is oversize.
        private readonly byte[] _receiveBuffer = new byte[DiscoveryFormat.MaxDatagramBytes + 1];
        private readonly byte[] _announcement = new byte[DiscoveryFormat.MaxDatagramBytes];
        private readonly int _announcementBytes;
        private long _nextAnnouncementMs;
        private bool _stopping;

        /// <summary>Creates the responder and encodes the announcement; the first one goes out at the first step.</summary>
        /// <param name="announcement">What to announce (see <see cref="DeviceAnnouncement.From"/>); encoded here.</param>
        /// <param name="announceIntervalMs">Milliseconds between broadcasts; <see cref="NoPeriodicAnnouncements"/> (0)
        /// to answer requests only.</param>
        /// <param name="transport">The datagram socket; closed by <see cref="Stop"/>.</param>
        /// <param name="clock">Uptime source.</param>
        /// <param name="log">Log (start, stop, socket failures; never per datagram).</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The announcement cannot be encoded or the interval is negative.</exception>
        public DiscoveryResponder(BoardAnnouncement announcement, int announceIntervalMs, IDatagramTransport transport, ISystemMonitor clock, ILog log)
        {
            if (announcement == null)
            {
                throw new ArgumentNullException(nameof(announcement));
            }

            if (announceIntervalMs < 0)
            {
                throw new ArgumentException("The announce interval must be 0 (never) or a positive number of milliseconds; got " + announceIntervalMs + ".", nameof(announceIntervalMs));
            }

            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _log = log ?? throw new ArgumentNullException(nameof(log));
            _announceIntervalMs = announceIntervalMs;
            _announcementBytes = DiscoveryCodec.WriteAnnouncement(announcement, _announcement, 0);
            _nextAnnouncementMs = clock.UptimeMs;
        }

        /// <summary>What the responder did so far.</summary>
        public DiscoveryCounters Counters { get; } = new DiscoveryCounters();

        /// <summary>True once <see cref="Stop"/> was called.</summary>
        public bool IsStopping => _stopping;

        /// <summary>Steps until <see cref="Stop"/>; the transport is closed when this returns.</summary>
        public void Run()
        {
            _log.Info(_announceIntervalMs == NoPeriodicAnnouncements
                ? "discovery: answering DISCOVER requests"
                : "discovery: answering DISCOVER requests, announcing every " + _announceIntervalMs + " ms");
            try
            {
                while (!_stopping)
                {
                    Step();
                }
            }
            finally
            {
                CloseTransport();
                _log.Info("discovery: stopped");
            }
        }

        /// <summary>
        /// Broadcasts the announcement when it is due, then waits for one datagram (at most until the next
        /// announcement is due, and at most <see cref="MaxWaitMs"/>) and answers or ignores it.
        /// </summary>
        public void Step()
        {
            long nowMs = _clock.UptimeMs;
            int waitMs = MaxWaitMs;
            if (_announceIntervalMs != NoPeriodicAnnouncements)
            {
                if (nowMs >= _nextAnnouncementMs)
                {
                    if (TrySend(false))
                    {
                        Counters.AnnouncementsSent++;
                    }

                    _nextAnnouncementMs = nowMs + _announceIntervalMs;
                }

                long untilDueMs = _nextAnnouncementMs - nowMs;
                waitMs = untilDueMs < MaxWaitMs ? (int)untilDueMs : MaxWaitMs;
            }

            int received;
            try
            {
                received = _transport.Receive(_receiveBuffer, 0, _receiveBuffer.Length, waitMs);
            }
            catch (Exception e)
            {
                if (!_stopping)
                {
                    Counters.ReceiveFailures++;
                    _log.Error("discovery: receive failed: " + e.Message);
                    Thread.Sleep(FailureBackoffMs);
                }

                return;
            }

            if (received != TransportResult.TimedOut)
            {
                Answer(received);
            }
        }

        /// <summary>Stops <see cref="Run"/> and closes the transport (ending a blocked receive). Safe from any thread,
        /// more than once.</summary>
        public void Stop()
        {
            _stopping = true;
            CloseTransport();
        }

        private void Answer(int received)
        {
            switch (DiscoveryCodec.ReadDiscover(_receiveBuffer, 0, received))
            {
                case DiscoveryStatus.Ok:
                    if (TrySend(true))
                    {
                        Counters.RequestsAnswered++;
                    }

                    break;
                case DiscoveryStatus.Oversize:
                    Counters.Oversize++;
                    break;
                case DiscoveryStatus.Truncated:
                    Counters.Truncated++;
                    break;
                case DiscoveryStatus.NotAFrame:
                    Counters.Foreign++;
                    break;
                default:
                    Counters.NotARequest++;
                    break;
            }
        }

        private bool TrySend(bool toSender)
        {
            try
            {
                if (toSender)
                {
                    _transport.ReplyToSender(_announcement, 0, _announcementBytes);
                }
                else
                {
                    _transport.Broadcast(_announcement, 0, _announcementBytes);
                }

                return true;
            }
            catch (Exception e)
            {
                if (!_stopping)
                {
                    Counters.SendFailures++;
                    _log.Error("discovery: " + (toSender ? "answer" : "announcement") + " not sent: " + e.Message);
                }

                return false;
            }
        }

        private void CloseTransport()
        {
            try
            {
                _transport.Close();
            }
            catch (Exception e)
            {
                _log.Error("discovery: closing the socket failed: " + e.Message);
            }
        }
    }
}
