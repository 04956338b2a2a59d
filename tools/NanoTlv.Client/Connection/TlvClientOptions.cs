using System;

namespace NanoTlv.Client
{
    /// <summary>Settings of a <see cref="TlvClient"/>. Read once, when the client connects.</summary>
    public sealed class TlvClientOptions
    {
        /// <summary>The default for <see cref="RequestTimeout"/>: 5 seconds.</summary>
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(5);

        /// <summary>The default for <see cref="ConnectTimeout"/>: 5 seconds.</summary>
        public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

        /// <summary>The default for <see cref="EventBufferCapacity"/>.</summary>
        public const int DefaultEventBufferCapacity = 1024;

        /// <summary>How long a request waits for its reply unless the call gives its own timeout.</summary>
        public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

        /// <summary>How long one TCP connect attempt may take.</summary>
        public TimeSpan ConnectTimeout { get; set; } = DefaultConnectTimeout;

        /// <summary>
        /// Events kept for <see cref="TlvClient.Events"/> until read; when full the oldest is dropped
        /// (<see cref="TlvClient.DroppedEvents"/> counts them), so a slow reader never stalls replies.
        /// </summary>
        public int EventBufferCapacity { get; set; } = DefaultEventBufferCapacity;

        /// <summary>Backoff used by <see cref="TlvClient.ReconnectAsync"/> and by automatic reconnection.</summary>
        public ReconnectPolicy Reconnect { get; set; } = new ReconnectPolicy();

        /// <summary>
        /// When true, a lost connection is re-established in the background with <see cref="Reconnect"/>'s
        /// backoff. Requests in flight still fail with <see cref="DeviceConnectionException"/>; requests made
        /// while reconnecting fail at once with it too.
        /// </summary>
        public bool AutoReconnect { get; set; }

        /// <summary>
        /// When set, the client sends an empty PING whenever this long has passed, so a connection that only
        /// listens (subscriptions, <c>tlvctl watch</c>) is not closed by the device's idle timeout (60 s by default,
        /// <c>DeviceOptions.IdleTimeoutMs</c>). Keep it well below that timeout. Null (the default): no keepalive.
        /// A PING that fails is left to the connection's own error handling.
        /// </summary>
        public TimeSpan? KeepAliveInterval { get; set; }

        internal void Validate()
        {
            if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(RequestTimeout), "The request timeout must be positive or infinite.");
            }

            if (ConnectTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(ConnectTimeout), "The connect timeout must be positive.");
            }

            if (KeepAliveInterval is TimeSpan keepAlive && keepAlive <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(KeepAliveInterval), "The keepalive interval must be positive (null for none).");
            }

            if (EventBufferCapacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(EventBufferCapacity), "The event buffer must hold at least one event.");
            }

            ArgumentNullException.ThrowIfNull(Reconnect);
            Reconnect.Validate();
        }
    }
}
