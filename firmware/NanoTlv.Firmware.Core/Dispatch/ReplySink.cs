using NanoTlv.Messages;

namespace NanoTlv.Firmware.Dispatch
{
    /// <summary>The <see cref="IReplySink"/> over a session's reply batch: appends to the reply the dispatcher opened.</summary>
    internal sealed class ReplySink : IReplySink
    {
        private readonly MessageWriter _replies;

        /// <summary>Wraps the batch writer of one connection slot.</summary>
        /// <param name="replies">The slot's reply batch.</param>
        public ReplySink(MessageWriter replies)
        {
            _replies = replies;
        }

        /// <inheritdoc/>
        public void WriteByte(byte value) => _replies.WriteByte(value);

        /// <inheritdoc/>
        public void WriteUInt16(int value) => _replies.WriteUInt16(value);

        /// <inheritdoc/>
        public void WriteInt32(int value) => _replies.WriteInt32(value);

        /// <inheritdoc/>
        public void WriteUInt32(uint value) => _replies.WriteUInt32(value);

        /// <inheritdoc/>
        public void WriteBytes(byte[] source, int offset, int count) => _replies.WriteBytes(source, offset, count);
    }
}
