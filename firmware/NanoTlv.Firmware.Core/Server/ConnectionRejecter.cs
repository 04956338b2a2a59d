using System;
using NanoTlv.Firmware.Diagnostics;
using NanoTlv.Firmware.Transport;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Server
{
    /// <summary>
    /// Turns away a connection that finds every slot busy: sends it a ConnectionRejected event
    /// (<c>72 00 05 F2 00 00 0F max_clients</c>) and closes it. Sessions already running are not touched.
    /// </summary>
    internal sealed class ConnectionRejecter
    {
        private const int EventBufferBytes = 8;
        private const int DrainBufferBytes = 64;
        private const int DrainAttempts = 4;
        private const int DrainWaitMs = 1;

        private readonly object _sync = new object();
        private readonly MessageWriter _writer = new MessageWriter(new byte[EventBufferBytes]);
        private readonly byte[] _drain = new byte[DrainBufferBytes];
        private readonly int _maxClients;
        private readonly DeviceCounters _counters;
        private readonly ILog _log;

        /// <summary>Creates the rejecter.</summary>
        /// <param name="maxClients">The limit reported in the event.</param>
        /// <param name="counters">Counts the event.</param>
        /// <param name="log">Where rejections are reported.</param>
        public ConnectionRejecter(int maxClients, DeviceCounters counters, ILog log)
        {
            _maxClients = maxClients;
            _counters = counters;
            _log = log;
        }

        /// <summary>Sends the event and closes the connection; never throws.</summary>
        /// <param name="transport">The connection to turn away.</param>
        public void Reject(ITransport transport)
        {
            _log.Info("connection rejected: all " + _maxClients + " slots busy");
            _counters.RecordRejection();
            lock (_sync)
            {
                _writer.Clear();
                _writer.BeginEvent(EventCode.ConnectionRejected, StatusCode.Busy);
                _writer.WriteByte((byte)_maxClients);
                _writer.EndMessage();
                try
                {
                    transport.Send(_writer.Buffer, 0, _writer.Length);
                    DrainArrivedBytes(transport);
                }
                catch (Exception)
                {
                    // The client may already be gone; it is closed below either way.
                }
                finally
                {
                    TransportClosing.CloseQuietly(transport);
                }
            }
        }

        // Closing a TCP socket with unread input resets the connection, which can destroy the event on its
        // way to the client; reading what already arrived lets the close be an orderly one.
        private void DrainArrivedBytes(ITransport transport)
        {
            for (int attempt = 0; attempt < DrainAttempts; attempt++)
            {
                if (transport.Receive(_drain, 0, _drain.Length, DrainWaitMs) <= 0)
                {
                    return;
                }
            }
        }
    }
}
