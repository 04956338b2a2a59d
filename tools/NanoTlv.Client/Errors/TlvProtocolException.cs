using System;

namespace NanoTlv.Client
{
    /// <summary>
    /// The device broke the protocol in its answer to a request: a reply with the wrong opcode for its
    /// request id, or data too short for the command's reply layout.
    /// </summary>
    public sealed class TlvProtocolException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What was wrong.</param>
        public TlvProtocolException(string message)
            : base(message)
        {
        }
    }
}
