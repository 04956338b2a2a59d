using System.Collections.Generic;
using System.Threading.Tasks;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>A request waiting for its reply. Owned by <see cref="RequestTracker"/>, which guards its state.</summary>
    internal sealed class PendingRequest
    {
        public PendingRequest(ushort id, Opcode opcode, string? target)
        {
            Id = id;
            Opcode = opcode;
            Target = target;
        }

        public ushort Id { get; }

        public Opcode Opcode { get; }

        /// <summary>What the request addresses ("pin 6"), for messages.</summary>
        public string? Target { get; }

        public TaskCompletionSource<IncomingMessage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Its place in the order requests were written; null until written.</summary>
        public LinkedListNode<PendingRequest>? SentNode { get; set; }

        /// <summary>The caller stopped waiting (timeout or cancellation) after the request was written; the id
        /// stays reserved until the device's reply, or a later one, shows it will not be confused.</summary>
        public bool Abandoned { get; set; }

        public string Describe() =>
            MessageCatalog.NameOf((byte)Opcode) + " (request id " + Id + (Target is null ? string.Empty : ", " + Target) + ")";
    }
}
