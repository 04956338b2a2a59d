using NanoTlv.Messages;

namespace NanoTlv.Firmware.Dispatch
{
    /// <summary>
    /// Runs the commands of one concept (digital, PWM, I2C, ...). The dispatcher has already checked the
    /// opcode, the argument length and authentication, and has begun an OK reply.
    /// </summary>
    internal interface ICommandHandler
    {
        /// <summary>
        /// Runs <see cref="CommandContext.Opcode"/>. Read the arguments from <see cref="CommandContext.Arguments"/>;
        /// on success append the reply data to <see cref="CommandContext.Reply"/> and return
        /// <see cref="StatusCode.Ok"/>. On failure return the status and write nothing: error replies carry no data.
        /// </summary>
        /// <param name="context">The request and the session's reply writer.</param>
        /// <returns>The reply's status.</returns>
        StatusCode Execute(CommandContext context);
    }
}
