using System;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Commands;
using NanoTlv.Firmware.Diagnostics;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Events;
using NanoTlv.Firmware.Pins;
using NanoTlv.Firmware.Security;
using NanoTlv.Firmware.Server;
using NanoTlv.Firmware.Session;
using NanoTlv.Firmware.Transport;
using NanoTlv.Messages;

namespace NanoTlv.Firmware
{
    /// <summary>
    /// The device: accepts connections, serves each on its own thread in one of MaxClients preallocated slots,
    /// and runs their commands against the board.
    /// </summary>
    /// <remarks>
    /// <code>
    /// listener ─Accept→ slot k (thread) : socket → FrameExtractor → CommandDispatcher → board drivers
    ///                                                                  ↓
    ///                                           socket ← reply batch (MessageWriter)
    /// </code>
    /// Everything a connection needs (buffers, extractor, reply writer, request, authentication) is allocated here, once per
    /// slot, and reset for each connection. A connection beyond MaxClients gets a ConnectionRejected event and
    /// is closed. Boot failsafe levels are driven by the constructor.
    /// </remarks>
    public sealed class DeviceServer
    {
        /// <summary>Smallest reply batch buffer; it grows when some reply (CAPS of a large board) needs more.</summary>
        public const int MinReplyBufferBytes = 512;

        private const int WorkerJoinTimeoutMs = 5000;
        private const int AcceptRetryDelayMs = 500;

        private readonly ILog _log;
        private readonly SlotRegistry _registry;
        private readonly ConnectionSlot[] _slots;
        private readonly ConnectionRejecter _rejecter;
        private readonly PinService _pins;
        private readonly object _runSync = new object();
        private ITransportListener? _listener;
        private bool _started;
        private bool _stopping;

        /// <summary>Creates the server: validates the options, allocates every slot, drives boot failsafe levels.</summary>
        /// <param name="board">The board's description and drivers.</param>
        /// <param name="options">Settings; validated and copied here.</param>
        /// <param name="log">Connection and error log (thread-safe).</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">An option is out of range, or a failsafe level is set on a pin that
        /// is not a usable output of the board.</exception>
        public DeviceServer(BoardServices board, DeviceOptions options, ILog log)
        {
            if (board == null)
            {
                throw new ArgumentNullException(nameof(board));
            }

            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            _log = log ?? throw new ArgumentNullException(nameof(log));
            options.Validate();
            BoardDescription description = board.Description;
            int slotCount = options.MaxClients;

            SessionCounters[] slotCounters = new SessionCounters[slotCount];
            SessionOutput[] outputs = new SessionOutput[slotCount];
            DeviceCounters counters = new DeviceCounters(slotCounters);
            _registry = new SlotRegistry(slotCount);
            PinEventRouter events = new PinEventRouter(description.PinCount, board.Digital, outputs);
            _pins = new PinService(description, board.Digital, board.Pwm, board.Analog, events, board.System, options, log);
            CheckFailsafePins(options, description, _pins);

            TokenVerifier token = new TokenVerifier(options.AuthToken);
            CommandDispatcher dispatcher = new CommandDispatcher(token.IsRequired, log);
            FailedHelloThrottle throttle = new FailedHelloThrottle(options.FailedHelloDelayMs, options.MaxFailedHellosPerConnection, options.MaxRecentFailedHellos, slotCount);
            CommandSet.Register(dispatcher, options, board, _pins, token, throttle, counters, _registry, log);

            int replyBufferBytes = dispatcher.LargestFixedReplyFrameBytes > MinReplyBufferBytes ? dispatcher.LargestFixedReplyFrameBytes : MinReplyBufferBytes;
            _slots = new ConnectionSlot[slotCount];
            for (int slot = 0; slot < slotCount; slot++)
            {
                slotCounters[slot] = new SessionCounters();
                outputs[slot] = new SessionOutput(replyBufferBytes, slotCounters[slot]);
                DeviceSession session = new DeviceSession(slot, options, dispatcher, outputs[slot], slotCounters[slot], board.System, throttle);
                _slots[slot] = new ConnectionSlot(slot, session, _pins, counters, _registry, log);
            }

            _rejecter = new ConnectionRejecter(slotCount, counters, log);
            SessionPreallocatedBytes = _slots[0].Session.PreallocatedBytes;
            MaxClients = slotCount;
            _pins.ApplyBootLevels();
        }

        /// <summary>Connections being served now.</summary>
        public int ActiveSessions => _registry.ActiveCount;

        /// <summary>The connection limit (from the options).</summary>
        public int MaxClients { get; }

        /// <summary>Bytes one connection slot preallocates: receive buffer, extractor payload buffer, reply batch,
        /// event buffer and bus scratch. About 1.3 KB plus the maximum payload with the default settings.</summary>
        public int SessionPreallocatedBytes { get; }

        /// <summary>
        /// Runs the accept loop on the calling thread until <see cref="Stop"/>: each connection is handed to a free
        /// slot's worker thread, or rejected when none is free. When it returns, every session has ended.
        /// A server runs once. The listener is closed when this returns or throws, whatever the path: a server
        /// stopped before (or while) Run starts never leaves its listener bound.
        /// </summary>
        /// <param name="listener">Where connections come from; closed on return.</param>
        /// <exception cref="ArgumentNullException"><paramref name="listener"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The server was already started or stopped (the listener
        /// is closed all the same).</exception>
        public void Run(ITransportListener listener)
        {
            if (listener == null)
            {
                throw new ArgumentNullException(nameof(listener));
            }

            bool refused;
            lock (_runSync)
            {
                refused = _started || _stopping;
                if (!refused)
                {
                    _started = true;
                    _listener = listener;
                }
            }

            if (refused)
            {
                CloseListener(listener);
                throw new InvalidOperationException("This server was already started or stopped; a server runs once.");
            }

            for (int slot = 0; slot < _slots.Length; slot++)
            {
                _slots[slot].StartWorker();
            }

            _log.Info("server: accepting connections, at most " + MaxClients);
            try
            {
                AcceptLoop(listener);
            }
            finally
            {
                Stop();
                CloseListener(listener);
                for (int slot = 0; slot < _slots.Length; slot++)
                {
                    if (!_slots[slot].JoinWorker(WorkerJoinTimeoutMs))
                    {
                        _log.Error("server: slot " + slot + " did not stop within " + WorkerJoinTimeoutMs + " ms");
                    }
                }

                _log.Info("server: stopped");
            }
        }

        /// <summary>
        /// Serves one connection on the calling thread in a free slot, exactly as the accept loop would (for tests
        /// and single-connection hosts); rejects it when every slot is busy or the server is stopping.
        /// </summary>
        /// <param name="transport">The connection; closed when this returns.</param>
        /// <returns>True when it was served, false when it was rejected.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="transport"/> is null.</exception>
        public bool ServeConnection(ITransport transport)
        {
            if (transport == null)
            {
                throw new ArgumentNullException(nameof(transport));
            }

            int slot = _stopping ? SlotRegistry.NoSlot : _registry.TryClaim();
            if (slot == SlotRegistry.NoSlot)
            {
                _rejecter.Reject(transport);
                return false;
            }

            _slots[slot].Serve(transport);
            return true;
        }

        /// <summary>Stops accepting, closes every connection (their failsafe levels apply) and cancels pulses.
        /// Safe to call from any thread, more than once.</summary>
        public void Stop()
        {
            ITransportListener? listener;
            lock (_runSync)
            {
                if (_stopping)
                {
                    return;
                }

                _stopping = true;
                listener = _listener;
            }

            if (listener != null)
            {
                CloseListener(listener);
            }

            for (int slot = 0; slot < _slots.Length; slot++)
            {
                _slots[slot].Stop();
            }

            _pins.StopPulses();
        }

        private void CloseListener(ITransportListener listener)
        {
            try
            {
                listener.Close();
            }
            catch (Exception e)
            {
                _log.Error("server: closing the listener failed: " + e.Message);
            }
        }

        private static void CheckFailsafePins(DeviceOptions options, BoardDescription board, PinService pins)
        {
            int invalid = pins.FindInvalidBootLevel(options);
            if (invalid >= 0)
            {
                throw new ArgumentException("A failsafe level is set on GPIO " + invalid + ", which is not a usable output of " + board.Name + ".", nameof(options));
            }
        }

        private void AcceptLoop(ITransportListener listener)
        {
            while (!_stopping)
            {
                ITransport transport;
                try
                {
                    transport = listener.Accept();
                }
                catch (Exception e)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    _log.Error("server: accept failed: " + e.Message);
                    Thread.Sleep(AcceptRetryDelayMs);
                    continue;
                }

                int slot = _stopping ? SlotRegistry.NoSlot : _registry.TryClaim();
                if (slot == SlotRegistry.NoSlot)
                {
                    _rejecter.Reject(transport);
                    continue;
                }

                _slots[slot].Assign(transport);
            }
        }
    }
}
