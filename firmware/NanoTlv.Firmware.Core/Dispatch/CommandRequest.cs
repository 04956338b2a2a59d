using NanoTlv.Firmware.Security;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Dispatch
{
    /// <summary>
    /// The request being dispatched on one connection slot, as a handler sees it: its header, a reader over its
    /// arguments, a scratch buffer, where its reply data goes, and the connection's authentication. One instance
    /// per connection slot, reused for every request.
    /// </summary>
    internal sealed class CommandRequest
    {
        /// <summary>Size of <see cref="Scratch"/>: the longest I2C read.</summary>
        public const int ScratchBytes = ProtocolLimits.MaxI2cReadBytes;

        /// <summary>Creates the request of a connection slot.</summary>
        /// <param name="slot">The slot index.</param>
        /// <param name="replies">The slot's reply batch (handlers append to it through <see cref="Reply"/>).</param>
        /// <param name="authentication">The slot's authentication state.</param>
        public CommandRequest(int slot, MessageWriter replies, ConnectionAuthentication authentication)
        {
            Slot = slot;
            Reply = new ReplySink(replies);
            Authentication = authentication;
        }

        /// <summary>The connection slot: owner id for pins and subscriptions.</summary>
        public int Slot { get; }

        /// <summary>The request's opcode byte.</summary>
        public byte Opcode { get; private set; }

        /// <summary>The request's id.</summary>
        public ushort RequestId { get; private set; }

        /// <summary>Bytes after the request header.</summary>
        public int ArgumentBytes { get; private set; }

        /// <summary>Positioned at the first argument byte.</summary>
        public MessageReader Arguments { get; } = new MessageReader();

        /// <summary>Where the handler appends its reply data.</summary>
        public IReplySink Reply { get; }

        /// <summary>A preallocated buffer for data read from a bus before it is copied into the reply.</summary>
        public byte[] Scratch { get; } = new byte[ScratchBytes];

        /// <summary>The connection's authentication (owned by its session).</summary>
        public ConnectionAuthentication Authentication { get; }

        /// <summary>Records the request header (the reader already sits after it).</summary>
        /// <param name="opcode">Opcode byte.</param>
        /// <param name="requestId">Request id.</param>
        /// <param name="argumentBytes">Argument length.</param>
        public void Begin(byte opcode, ushort requestId, int argumentBytes)
        {
            Opcode = opcode;
            RequestId = requestId;
            ArgumentBytes = argumentBytes;
        }
    }
}
