using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Firmware.Security;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>HELLO: checks the protocol version and the token, records the outcome in the connection's
    /// <see cref="ConnectionAuthentication"/>, and says who the device is.</summary>
    internal sealed class HelloCommand : ICommandHandler
    {
        private const int ArgumentHeaderBytes = 2;

        private readonly byte[] _prefix;
        private readonly byte[] _deviceName;
        private readonly TokenVerifier _token;
        private readonly FailedHelloThrottle _throttle;
        private readonly ISystemMonitor _clock;
        private readonly ILog _log;

        /// <summary>Creates the handler; the fixed part of the reply is built here, once.</summary>
        /// <param name="options">Validated options (name, versions, maximum payload).</param>
        /// <param name="capabilities">Feature flags of the reply.</param>
        /// <param name="token">The token check.</param>
        /// <param name="throttle">Counts and slows down wrong tokens device-wide.</param>
        /// <param name="clock">The throttle's clock.</param>
        /// <param name="log">Where wrong tokens are reported (never the token itself).</param>
        public HelloCommand(DeviceOptions options, DeviceCapabilities capabilities, TokenVerifier token, FailedHelloThrottle throttle, ISystemMonitor clock, ILog log)
        {
            _prefix = new byte[MessageCatalog.HelloAuthenticatedOffset];
            _prefix[0] = ProtocolLimits.ProtocolVersion;
            BigEndian.WriteUInt16(_prefix, 1, options.MaxPayloadBytes);
            BigEndian.WriteUInt32(_prefix, 3, (uint)capabilities);
            _prefix[7] = options.FirmwareMajor;
            _prefix[8] = options.FirmwareMinor;
            _prefix[9] = options.FirmwarePatch;
            _deviceName = new byte[options.DeviceName.Length];
            for (int i = 0; i < _deviceName.Length; i++)
            {
                _deviceName[i] = (byte)options.DeviceName[i];
            }

            _token = token;
            _throttle = throttle;
            _clock = clock;
            _log = log;
        }

        /// <summary>Reply data bytes on this device (the name's length is fixed by the options).</summary>
        public int ReplyBytes => MessageCatalog.HelloFixedReplyBytes + _deviceName.Length;

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            MessageReader arguments = request.Arguments;
            byte version = arguments.ReadByte();
            int tokenBytes = arguments.ReadByte();
            if (tokenBytes != request.ArgumentBytes - ArgumentHeaderBytes)
            {
                return StatusCode.BadLength;
            }

            if (version != ProtocolLimits.ProtocolVersion)
            {
                return StatusCode.UnsupportedVersion;
            }

            ConnectionAuthentication authentication = request.Authentication;
            bool presentsToken = _token.IsRequired && tokenBytes > 0;
            bool coolingDown = presentsToken && _throttle.IsCoolingDown(_clock.UptimeMs);
            if (coolingDown && authentication.WrongTokens > 0)
            {
                // Too many recent wrong tokens on the device, and this connection has guessed wrong already: its
                // token is not checked until the device has forgotten enough of them. A connection's first token is
                // still checked during a cool-down, so the owner gets in.
                return StatusCode.Busy;
            }

            bool matches = _token.Matches(arguments.Buffer, arguments.Position, tokenBytes);
            if (!matches && presentsToken)
            {
                authentication.RecordWrongToken(_clock.UptimeMs, coolingDown);
                _log.Info("slot " + request.Slot + ": HELLO with a wrong token (" + authentication.WrongTokens + " on this connection, " +
                    _throttle.TotalFailures + " on the device)" + (authentication.MustClose ? "; closing the connection" : string.Empty));
                return StatusCode.NotAuthenticated;
            }

            authentication.RecordHello(matches);
            IReplySink reply = request.Reply;
            reply.WriteBytes(_prefix, 0, _prefix.Length);
            reply.WriteByte(matches ? (byte)1 : (byte)0);
            reply.WriteByte((byte)_deviceName.Length);
            reply.WriteBytes(_deviceName, 0, _deviceName.Length);
            return StatusCode.Ok;
        }
    }
}
