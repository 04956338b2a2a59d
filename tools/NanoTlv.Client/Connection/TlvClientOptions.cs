using System;

namespace NanoTlv.Client
{
    /// <summary>Settings of a <see cref="TlvClient"/>. Read once, when the client connects.</summary>
    public sealed class TlvClientOptions
    {
        /// <summary>The default for <see cref="RequestTimeout"/>: 5 seconds.</summary>
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(5);

        /// <summary>The longest finite request timeout: what a timer can wait (2^32 - 2 ms, about 49 days).</summary>
        public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

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

        /// <summary>Refuses a request timeout (the default or a per-call one) that is not positive or infinite.</summary>
        /// <param name="timeout">The timeout.</param>
        /// <param name="parameterName">Where it came from, for the exception.</param>
        /// <exception cref="ArgumentOutOfRangeException">It is zero, negative (other than infinite) or longer than a
        /// timer can wait (about 49 days).</exception>
        internal static void CheckRequestTimeout(TimeSpan timeout, string parameterName)
        {
            if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
            {
                return;
            }

            if (timeout <= TimeSpan.Zero || timeout > MaxRequestTimeout)
            {
                throw new ArgumentOutOfRangeException(parameterName, timeout, "The request timeout must be positive or infinite (at most " + MaxRequestTimeout.TotalDays.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " days when finite).");
            }
        }

        internal void Validate()
        {
            CheckRequestTimeout(RequestTimeout, nameof(RequestTimeout));

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
