using System;
using System.Threading;
using NanoTlv.Firmware.Diagnostics;
using NanoTlv.Firmware.Pins;
using NanoTlv.Firmware.Session;
using NanoTlv.Firmware.Transport;

namespace NanoTlv.Firmware.Server
{
    /// <summary>
    /// One of the server's MaxClients connection slots: a preallocated <see cref="DeviceSession"/> and, when
    /// the server runs its accept loop, a worker thread that waits for a connection, serves it, cleans up
    /// after it (failsafe, subscriptions, counters, slot) and waits for the next.
    /// </summary>
    internal sealed class ConnectionSlot
    {
        private readonly int _index;
        private readonly string _name;
        private readonly string _connectedMessage;
        private readonly string[] _endMessages;
        private readonly DeviceSession _session;
        private readonly PinService _pins;
        private readonly DeviceCounters _counters;
        private readonly SlotRegistry _registry;
        private readonly ILog _log;
        private readonly object _sync = new object();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private ITransport? _pending;
        private Thread? _worker;
        private bool _exit;

        /// <summary>Creates the slot.</summary>
        /// <param name="index">Slot index.</param>
        /// <param name="session">Its session.</param>
        /// <param name="pins">Releases the session's pins (failsafe levels, subscriptions) when a connection ends.</param>
        /// <param name="counters">Folds the slot's counters into the totals when a connection ends.</param>
        /// <param name="registry">Frees the slot when a connection ends.</param>
        /// <param name="log">Connection log.</param>
        public ConnectionSlot(int index, DeviceSession session, PinService pins, DeviceCounters counters, SlotRegistry registry, ILog log)
        {
            _index = index;
            _name = "slot " + index;
            _connectedMessage = _name + ": connected";
            _endMessages = BuildEndMessages(_name);
            _session = session;
            _pins = pins;
            _counters = counters;
            _registry = registry;
            _log = log;
        }

        /// <summary>The slot's session.</summary>
        public DeviceSession Session => _session;

        /// <summary>Starts the worker thread (accept-loop mode).</summary>
        public void StartWorker()
        {
            _worker = new Thread(WorkerLoop);
#if !NANOFRAMEWORK
            // On the host a device worker must never keep the process alive.
            _worker.IsBackground = true;
#endif
            _worker.Start();
        }

        /// <summary>Hands a connection to the worker (the slot was claimed for it).</summary>
        /// <param name="transport">The connection.</param>
        public void Assign(ITransport transport)
        {
            lock (_sync)
            {
                _pending = transport;
            }

            _wake.Set();
        }

        /// <summary>Serves a connection on the calling thread, then releases what it held (failsafe levels,
        /// subscriptions), closes it, and frees the slot.</summary>
        /// <param name="transport">The connection (the slot was claimed for it).</param>
        public void Serve(ITransport transport)
        {
            _log.Info(_connectedMessage);
            SessionEndReason reason = SessionEndReason.Failed;
            try
            {
                reason = _session.Serve(transport);
            }
            finally
            {
                LogEnd(reason);
                try
                {
                    _pins.ReleaseSession(_index, _name);
                }
                finally
                {
                    TransportClosing.CloseQuietly(transport);
                    _counters.Retire(_index);
                    _registry.Release(_index);
                }
            }
        }

        /// <summary>Ends the current connection and tells the worker to exit.</summary>
        public void Stop()
        {
            lock (_sync)
            {
                _exit = true;
            }

            _session.RequestStop();
            _wake.Set();
        }

        /// <summary>Waits for the worker to exit.</summary>
        /// <param name="timeoutMs">Longest wait.</param>
        /// <returns>False when it is still running.</returns>
        public bool JoinWorker(int timeoutMs) => _worker == null || _worker.Join(timeoutMs);

        private void WorkerLoop()
        {
            while (true)
            {
                _wake.WaitOne();
                ITransport? transport;
                lock (_sync)
                {
                    transport = _pending;
                    _pending = null;
                }

                if (transport != null)
                {
                    try
                    {
                        Serve(transport);
                    }
                    catch (Exception e)
                    {
                        _log.Error(_name + ": cleanup failed: " + e.Message);
                    }
                }

                lock (_sync)
                {
                    if (_exit && _pending == null)
                    {
                        return;
                    }
                }
            }
        }

        private void LogEnd(SessionEndReason reason)
        {
            if (reason == SessionEndReason.Failed)
            {
                _log.Error(_name + ": connection failed: " + _session.LastFailure);
                return;
            }

            _log.Info(_endMessages[(int)reason]);
        }

        // Built once per slot so that an ordinary connection allocates nothing for its log lines
        // (a failed connection logs its failure text, built when it happens).
        private static string[] BuildEndMessages(string name)
        {
            string[] messages = new string[(int)SessionEndReason.AuthenticationFailed + 1];
            messages[(int)SessionEndReason.PeerClosed] = name + ": closed by the client";
            messages[(int)SessionEndReason.ReceiveTimeout] = name + ": dropped, a frame did not complete within the receive timeout";
            messages[(int)SessionEndReason.IdleTimeout] = name + ": closed, no request within the idle timeout";
            messages[(int)SessionEndReason.Stopped] = name + ": closed, the server is stopping";
            messages[(int)SessionEndReason.AuthenticationTimeout] = name + ": closed, not authenticated within the authentication timeout";
            messages[(int)SessionEndReason.AuthenticationFailed] = name + ": closed after too many wrong tokens";
            return messages;
        }
    }
}
