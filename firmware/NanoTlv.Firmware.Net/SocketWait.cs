using System.Net.Sockets;

namespace NanoTlv.Firmware.Net
{
    /// <summary>Waiting for a socket with Poll, in milliseconds, the one way the adapters wait.</summary>
    internal static class SocketWait
    {
        private const int MicrosecondsPerMillisecond = 1000;
        private const int MaxPollMs = int.MaxValue / MicrosecondsPerMillisecond;

        /// <summary>Waits until <paramref name="socket"/> has something to read (data, a datagram, a closed
        /// connection or a pending accept), at most <paramref name="timeoutMs"/> (negative: do not wait).</summary>
        /// <param name="socket">The socket.</param>
        /// <param name="timeoutMs">Longest wait in milliseconds.</param>
        /// <returns>True when a read will not block.</returns>
        public static bool UntilReadable(Socket socket, int timeoutMs)
        {
            int pollMs = timeoutMs < 0 ? 0 : timeoutMs > MaxPollMs ? MaxPollMs : timeoutMs;
            return socket.Poll(pollMs * MicrosecondsPerMillisecond, SelectMode.SelectRead);
        }
    }
}
