using System;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>A reply as it came from the device, whatever its status (see <see cref="TlvClient.SendRawAsync"/>).</summary>
    /// <param name="Opcode">The command answered.</param>
    /// <param name="RequestId">The request id.</param>
    /// <param name="Status">The status byte.</param>
    /// <param name="Data">The bytes after the status.</param>
    public sealed record TlvReply(Opcode Opcode, ushort RequestId, StatusCode Status, ReadOnlyMemory<byte> Data)
    {
        /// <summary>True when the status is <see cref="StatusCode.Ok"/>.</summary>
        public bool IsOk => Status == StatusCode.Ok;
    }
}
