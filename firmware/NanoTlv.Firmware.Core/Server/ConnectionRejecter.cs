using System;
using NanoTlv.Firmware.Diagnostics;
using NanoTlv.Firmware.Transport;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Server
{
    /// <summary>
    /// Turns away a connection that finds every slot busy: sends it a ConnectionRejected event
    /// (<c>72 00 05 F2 00 00 0F max_clients</c>) and closes it (the transport's close is an orderly one, so the
    /// event is not lost to a reset when the client had already sent something). Sessions already running are not
    /// touched.
    /// </summary>
    internal sealed class ConnectionRejecter
    {
        private const int EventBufferBytes = 8;

        private readonly object _sync = new object();
        private readonly MessageWriter _writer = new MessageWriter(new byte[EventBufferBytes]);
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
    }
}
