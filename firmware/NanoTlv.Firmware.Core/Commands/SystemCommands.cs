using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Diagnostics;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Security;
using NanoTlv.Firmware.Server;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>HELLO, PING, INFO and CAPS: who the device is, is it alive, how is it doing, what can its pins do.</summary>
    internal sealed class SystemCommands : ICommandHandler
    {
        private const int HelloArgumentHeaderBytes = 2;

        private readonly byte[] _helloPrefix;
        private readonly byte[] _deviceName;
        private readonly byte[] _capsData;
        private readonly TokenVerifier _token;
        private readonly FailedHelloThrottle _throttle;
        private readonly ILog _log;
        private readonly DeviceCounters _counters;
        private readonly SessionCounters _infoSnapshot = new SessionCounters();
        private readonly SlotRegistry _slots;
        private readonly ISystemMonitor _system;

        /// <summary>Creates the handler; the HELLO and CAPS data are built here, once.</summary>
        /// <param name="options">Validated options (name, versions, maximum payload).</param>
        /// <param name="capabilities">Feature flags for HELLO.</param>
        /// <param name="board">The board (CAPS).</param>
        /// <param name="token">The token check.</param>
        /// <param name="throttle">Counts and slows down wrong tokens.</param>
        /// <param name="counters">Traffic counters (INFO).</param>
        /// <param name="slots">Connection slots (INFO).</param>
        /// <param name="system">Uptime and memory (INFO), the clock of the throttle.</param>
        /// <param name="log">Where wrong tokens are reported (never the token itself).</param>
        public SystemCommands(DeviceOptions options, DeviceCapabilities capabilities, BoardDescription board, TokenVerifier token, FailedHelloThrottle throttle, DeviceCounters counters, SlotRegistry slots, ISystemMonitor system, ILog log)
        {
            _helloPrefix = new byte[MessageCatalog.HelloAuthenticatedOffset];
            _helloPrefix[0] = MessageLayout.ProtocolVersion;
            BigEndian.WriteUInt16(_helloPrefix, 1, options.MaxPayloadBytes);
            BigEndian.WriteUInt32(_helloPrefix, 3, (uint)capabilities);
            _helloPrefix[7] = options.FirmwareMajor;
            _helloPrefix[8] = options.FirmwareMinor;
            _helloPrefix[9] = options.FirmwarePatch;
            _deviceName = new byte[options.DeviceName.Length];
            for (int i = 0; i < _deviceName.Length; i++)
            {
                _deviceName[i] = (byte)options.DeviceName[i];
            }

            _capsData = CapsTable.Build(board);
            _token = token;
            _throttle = throttle;
            _log = log;
            _counters = counters;
            _slots = slots;
            _system = system;
        }

        /// <summary>Routes this handler's opcodes.</summary>
        /// <param name="dispatcher">The table.</param>
        public void Register(CommandDispatcher dispatcher)
        {
            dispatcher.Register(Opcode.Hello, this, MessageCatalog.HelloFixedReplyBytes + _deviceName.Length);
            dispatcher.Register(Opcode.Ping, this, MessageCatalog.EchoesArguments);
            dispatcher.Register(Opcode.Info, this);
            dispatcher.Register(Opcode.Caps, this, _capsData.Length);
        }

        /// <inheritdoc/>
        public StatusCode Execute(CommandContext context)
        {
            switch ((Opcode)context.Opcode)
            {
                case Opcode.Hello:
                    return Hello(context);
                case Opcode.Ping:
                    return Ping(context);
                case Opcode.Info:
                    return Info(context);
                case Opcode.Caps:
                    context.Reply.WriteBytes(_capsData, 0, _capsData.Length);
                    return StatusCode.Ok;
                default:
                    return StatusCode.UnknownOpcode;
            }
        }

        private StatusCode Hello(CommandContext context)
        {
            MessageReader arguments = context.Arguments;
            byte version = arguments.ReadByte();
            int tokenBytes = arguments.ReadByte();
            if (tokenBytes != context.ArgumentBytes - HelloArgumentHeaderBytes)
            {
                return StatusCode.BadLength;
            }

            if (version != MessageLayout.ProtocolVersion)
            {
                return StatusCode.UnsupportedVersion;
            }

            bool presentsToken = _token.IsRequired && tokenBytes > 0;
            bool coolingDown = presentsToken && _throttle.IsCoolingDown(_system.UptimeMs);
            if (coolingDown && context.FailedHellos > 0)
            {
                // Too many recent wrong tokens on the device, and this connection has guessed wrong already: its
                // token is not checked until the device has forgotten enough of them.
                return StatusCode.Busy;
            }

            bool matches = _token.Matches(arguments.Buffer, arguments.Position, tokenBytes);
            context.IsAuthenticated = matches;
            if (!matches && presentsToken)
            {
                return RefuseWrongToken(context, coolingDown);
            }

            MessageWriter reply = context.Reply;
            reply.WriteBytes(_helloPrefix, 0, _helloPrefix.Length);
            reply.WriteByte(matches ? (byte)1 : (byte)0);
            reply.WriteByte((byte)_deviceName.Length);
            reply.WriteBytes(_deviceName, 0, _deviceName.Length);
            return StatusCode.Ok;
        }

        // During a cool-down a connection's first token is still checked, so the owner gets in; a wrong one is held
        // back by the cool-down penalty (the connection's later tokens get Busy unchecked), so guessing stays as slow
        // as the device forgets failures.
        private StatusCode RefuseWrongToken(CommandContext context, bool coolingDown)
        {
            int failures = context.FailedHellos + 1;
            context.FailedHellos = failures;
            int penaltyMs = _throttle.RecordFailure(_system.UptimeMs, failures);
            context.PenaltyMs = coolingDown && _throttle.CoolDownPenaltyMs > penaltyMs ? _throttle.CoolDownPenaltyMs : penaltyMs;
            context.EndRequested = _throttle.ClosesConnection(failures);
            _log.Info("slot " + context.Slot + ": HELLO with a wrong token (" + failures + " on this connection, " +
                _throttle.TotalFailures + " on the device)" + (context.EndRequested ? "; closing the connection" : string.Empty));
            return StatusCode.NotAuthenticated;
        }

        private static StatusCode Ping(CommandContext context)
        {
            MessageReader arguments = context.Arguments;
            int count = context.ArgumentBytes;
            if (count <= context.Reply.Remaining)
            {
                context.Reply.WriteBytes(arguments.Buffer, arguments.Position, count);
                return StatusCode.Ok;
            }

            context.Reply.CancelMessage();
            context.Output.SendDirectReply(context.Opcode, context.RequestId, arguments.Buffer, arguments.Position, count);
            return StatusCode.Ok;
        }

        private StatusCode Info(CommandContext context)
        {
            MessageWriter reply = context.Reply;
            reply.WriteUInt32(unchecked((uint)_system.UptimeMs));
            reply.WriteUInt32(_system.FreeMemoryBytes);
            reply.WriteUInt32(_system.TotalMemoryBytes);
            lock (_infoSnapshot)
            {
                _counters.Capture(_infoSnapshot);
                reply.WriteUInt32(unchecked((uint)_infoSnapshot.FramesReceived));
                reply.WriteUInt32(unchecked((uint)_infoSnapshot.BytesReceived));
                reply.WriteUInt32(unchecked((uint)_infoSnapshot.FramesSent));
                reply.WriteUInt32(unchecked((uint)_infoSnapshot.Resyncs));
                reply.WriteUInt32(unchecked((uint)_infoSnapshot.SkippedBytes));
                reply.WriteUInt32(unchecked((uint)_infoSnapshot.OversizedFrames));
                reply.WriteUInt32(unchecked((uint)_infoSnapshot.ErrorReplies));
            }

            reply.WriteByte((byte)_slots.ActiveCount);
            reply.WriteByte((byte)_slots.Capacity);
            reply.WriteUInt32(unchecked((uint)_throttle.TotalFailures));
            reply.WriteUInt32(unchecked((uint)_counters.RejectedConnections));
            return StatusCode.Ok;
        }
    }
}
