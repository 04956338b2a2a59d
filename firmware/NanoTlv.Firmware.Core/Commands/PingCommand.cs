using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>
    /// PING: accepts any arguments. The echo itself is not this handler's: the catalogue marks PING as echoing
    /// its arguments, and the dispatcher has the session output queue (or stream) them once this returns OK.
    /// </summary>
    internal sealed class PingCommand : ICommandHandler
    {
        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request) => StatusCode.Ok;
    }
}
