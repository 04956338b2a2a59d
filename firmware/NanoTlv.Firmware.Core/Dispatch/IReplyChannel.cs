using NanoTlv.Messages;

namespace NanoTlv.Firmware.Dispatch
{
    /// <summary>
    /// What the dispatcher needs from a connection's sending side (implemented by the session's output, so the
    /// session depends on dispatch and never the other way round): the reply batch, room in it, committing a
    /// reply, and streaming an echo.
    /// </summary>
    internal interface IReplyChannel
    {
        /// <summary>The reply batch the dispatcher opens and closes replies in.</summary>
        MessageWriter Replies { get; }

        /// <summary>True once a send of this connection failed: the session must end.</summary>
        bool TransportFailed { get; }

        /// <summary>Flushes the batch when fewer than <paramref name="frameBytes"/> bytes are free in it.</summary>
        /// <param name="frameBytes">Size of the frame about to be written.</param>
        void EnsureRoom(int frameBytes);

        /// <summary>Ends the open reply and counts it.</summary>
        /// <param name="status">Its status.</param>
        void CommitReply(StatusCode status);

        /// <summary>Queues an OK reply whose data is <paramref name="count"/> bytes of the request (PING's echo): in the
        /// batch when it fits, else streamed straight from the request's bytes after the batch (replies stay in order).</summary>
        /// <param name="opcode">The request's opcode.</param>
        /// <param name="requestId">The request's id.</param>
        /// <param name="data">The request's array.</param>
        /// <param name="offset">First byte to echo.</param>
        /// <param name="count">Bytes to echo.</param>
        void QueueEcho(byte opcode, ushort requestId, byte[] data, int offset, int count);
    }
}
