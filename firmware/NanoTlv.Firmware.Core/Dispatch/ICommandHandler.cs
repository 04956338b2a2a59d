using NanoTlv.Messages;

namespace NanoTlv.Firmware.Dispatch
{
    /// <summary>
    /// Runs one command. The dispatcher has already checked the opcode, the argument length and authentication,
    /// and has opened an OK reply.
    /// </summary>
    internal interface ICommandHandler
    {
        /// <summary>
        /// Parses and range-checks the arguments from <see cref="CommandRequest.Arguments"/>, does the work, and on
        /// success appends the reply data to <see cref="CommandRequest.Reply"/> and returns <see cref="StatusCode.Ok"/>.
        /// On failure it returns the status; whatever it wrote is discarded (error replies carry no data).
        /// </summary>
        /// <param name="request">The request.</param>
        /// <returns>The reply's status.</returns>
        StatusCode Execute(CommandRequest request);
    }
}
