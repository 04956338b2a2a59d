using System;
using System.Threading;
using NanoTlv.Firmware.Net;

namespace NanoTlv.Firmware.Esp32
{
    /// <summary>
    /// One lifetime of a <see cref="DeviceServer"/> (a server runs once): its accept loop and listening
    /// socket on their own thread, from network up to network down (or to a fault).
    /// </summary>
    internal sealed class ServerRun
    {
        private const int StopWaitMs = 10000;

        private readonly DeviceServer _server;
        private readonly int _port;
        private readonly ILog _log;
        private readonly Thread _thread;
        private readonly long _startedMs;
        private readonly object _sync = new object();
        private bool _stopRequested;

        private ServerRun(DeviceServer server, ILog log, int port)
        {
            _server = server;
            _port = port;
            _log = log;
            _startedMs = Environment.TickCount64;
            _thread = new Thread(Serve);
        }

        /// <summary>The server, for its session count.</summary>
        public DeviceServer Server => _server;

        /// <summary>True while the accept loop runs; false after <see cref="Stop"/> or a fault.</summary>
        public bool IsRunning => _thread.IsAlive;

        /// <summary>Milliseconds since the run started.</summary>
        public long AgeMs => Environment.TickCount64 - _startedMs;

        /// <summary>Starts <paramref name="server"/>'s accept loop on a new thread.</summary>
        /// <param name="server">A server that has not run yet.</param>
        /// <param name="log">Log.</param>
        /// <param name="port">TCP port.</param>
        /// <returns>The run.</returns>
        public static ServerRun Start(DeviceServer server, ILog log, int port)
        {
            ServerRun run = new ServerRun(server, log, port);
            run._thread.Start();
            return run;
        }

        /// <summary>Stops the server (closing the listener and every session) and waits for the loop to end.</summary>
        public void Stop()
        {
            lock (_sync)
            {
                _stopRequested = true;
            }

            _server.Stop();
            if (!_thread.Join(StopWaitMs))
            {
                _log.Error("Server: accept loop still running " + StopWaitMs + " ms after Stop.");
            }
        }

        private void Serve()
        {
            try
            {
                // Run closes the listener on every path, also when Stop came first (a stopped server refuses to run).
                _server.Run(new SocketTransportListener(_port));
            }
            catch (Exception e)
            {
                bool stopping;
                lock (_sync)
                {
                    stopping = _stopRequested;
                }

                if (!stopping)
                {
                    _log.Error("Server: accept loop failed: " + e.GetType().Name + ": " + e.Message);
                }
            }
        }
    }
}
