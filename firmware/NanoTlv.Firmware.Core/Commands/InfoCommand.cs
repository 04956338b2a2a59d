using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Diagnostics;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Security;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>INFO: uptime, memory, traffic counters of every connection so far, connection counts, failed
    /// authentications and rejected connections.</summary>
    internal sealed class InfoCommand : ICommandHandler
    {
        private readonly DeviceCounters _counters;
        private readonly SessionCounters _snapshot = new SessionCounters();
        private readonly IConnectionCount _connections;
        private readonly ISystemMonitor _system;
        private readonly FailedHelloThrottle _throttle;

        /// <summary>Creates the handler.</summary>
        /// <param name="counters">Traffic counters.</param>
        /// <param name="connections">Connections served and the limit.</param>
        /// <param name="system">Uptime and memory.</param>
        /// <param name="throttle">Counts wrong tokens since start-up.</param>
        public InfoCommand(DeviceCounters counters, IConnectionCount connections, ISystemMonitor system, FailedHelloThrottle throttle)
        {
            _throttle = throttle;
            _counters = counters;
            _connections = connections;
            _system = system;
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            IReplySink reply = request.Reply;
            reply.WriteUInt32(unchecked((uint)_system.UptimeMs));
            reply.WriteUInt32(_system.FreeMemoryBytes);
            reply.WriteUInt32(_system.TotalMemoryBytes);
            lock (_snapshot)
            {
                _counters.Capture(_snapshot);
                reply.WriteUInt32(unchecked((uint)_snapshot.FramesReceived));
                reply.WriteUInt32(unchecked((uint)_snapshot.BytesReceived));
                reply.WriteUInt32(unchecked((uint)_snapshot.FramesSent));
                reply.WriteUInt32(unchecked((uint)_snapshot.Resyncs));
                reply.WriteUInt32(unchecked((uint)_snapshot.SkippedBytes));
                reply.WriteUInt32(unchecked((uint)_snapshot.OversizedFrames));
                reply.WriteUInt32(unchecked((uint)_snapshot.ErrorReplies));
            }

            reply.WriteByte((byte)_connections.ActiveCount);
            reply.WriteByte((byte)_connections.Capacity);
            reply.WriteUInt32(unchecked((uint)_throttle.TotalFailures));
            reply.WriteUInt32(unchecked((uint)_counters.RejectedConnections));
            return StatusCode.Ok;
        }
    }
}
