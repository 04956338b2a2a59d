using NanoTlv.Firmware.Session;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Dispatch
{
    /// <summary>
    /// One session's view of the request being dispatched: its header, a reader over its arguments, the
    /// reply writer and session state. One instance per connection slot, reused for every request.
    /// </summary>
    internal sealed class CommandContext
    {
        /// <summary>Size of <see cref="Scratch"/>: the longest I2C read.</summary>
        public const int ScratchBytes = 255;

        /// <summary>Creates the context of a connection slot.</summary>
        /// <param name="slot">The slot index.</param>
        /// <param name="output">The slot's sending side.</param>
        public CommandContext(int slot, SessionOutput output)
        {
            Slot = slot;
            Output = output;
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

        /// <summary>The session's reply batch, with this request's reply open.</summary>
        public MessageWriter Reply => Output.Replies;

        /// <summary>The session's sending side (for replies larger than the batch buffer).</summary>
        public SessionOutput Output { get; }

        /// <summary>A preallocated buffer for data read from a bus before it is copied into the reply.</summary>
        public byte[] Scratch { get; } = new byte[ScratchBytes];

        /// <summary>True once HELLO presented the configured token (or when none is configured).</summary>
        public bool IsAuthenticated { get; set; }

        /// <summary>Wrong tokens this connection presented.</summary>
        public int FailedHellos { get; set; }

        /// <summary>Milliseconds the session waits after this request before it goes on (a wrong token's
        /// penalty); the session takes it with <see cref="TakePenaltyMs"/>.</summary>
        public int PenaltyMs { get; set; }

        /// <summary>Set by a handler when the connection must end after this request's reply is sent.</summary>
        public bool EndRequested { get; set; }

        /// <summary>A new connection: per-connection state back to its start.</summary>
        /// <param name="authenticated">True when no token is configured.</param>
        public void StartConnection(bool authenticated)
        {
            IsAuthenticated = authenticated;
            FailedHellos = 0;
            PenaltyMs = 0;
            EndRequested = false;
        }

        /// <summary>Returns the pending penalty and clears it.</summary>
        /// <returns>Milliseconds to wait, 0 for none.</returns>
        public int TakePenaltyMs()
        {
            int penalty = PenaltyMs;
            PenaltyMs = 0;
            return penalty;
        }

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
