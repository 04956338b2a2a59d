using System;
using NanoTlv.Client;

namespace NanoTlv.Bridge
{
    /// <summary>The broker the bridge publishes to and how it behaves towards boards. Read once, at start.</summary>
    public sealed class BridgeOptions
    {
        /// <summary>The MQTT port without TLS.</summary>
        public const int DefaultBrokerPort = 1883;

        /// <summary>The MQTT port with TLS.</summary>
        public const int DefaultTlsBrokerPort = 8883;

        /// <summary>The first topic level of every board topic.</summary>
        public const string DefaultTopicPrefix = "nanotlv";

        /// <summary>Home Assistant's default discovery prefix.</summary>
        public const string DefaultDiscoveryPrefix = "homeassistant";

        /// <summary>The broker's host name or address.</summary>
        public string BrokerHost { get; set; } = "127.0.0.1";

        /// <summary>The broker's port.</summary>
        public int BrokerPort { get; set; } = DefaultBrokerPort;

        /// <summary>MQTT user name, or null for an anonymous connection.</summary>
        public string? UserName { get; set; }

        /// <summary>MQTT password (with <see cref="UserName"/>).</summary>
        public string? Password { get; set; }

        /// <summary>Connect to the broker with TLS, checking its certificate against the system's trust store.</summary>
        public bool UseTls { get; set; }

        /// <summary>With <see cref="UseTls"/>: accept a certificate that does not validate (self-signed test brokers).</summary>
        public bool AllowUntrustedCertificates { get; set; }

        /// <summary>
        /// With <see cref="UseTls"/>: a PEM file of CA certificates; the broker's certificate must chain to one of
        /// them (instead of to the system's trust store). Null for the system's trust store.
        /// </summary>
        public string? TrustedCaFile { get; set; }

        /// <summary>First level of the board topics: <c>&lt;prefix&gt;/&lt;board-id&gt;/...</c>.</summary>
        public string TopicPrefix { get; set; } = DefaultTopicPrefix;

        /// <summary>Home Assistant discovery prefix; null publishes no discovery configs.</summary>
        public string? DiscoveryPrefix { get; set; } = DefaultDiscoveryPrefix;

        /// <summary>How often ADC and BME280 values are read and published.</summary>
        public TimeSpan SensorInterval { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// How often a connected board is pinged. A board that does not answer within <see cref="RequestTimeout"/>
        /// is taken as gone, marked offline and reconnected; pinging also keeps the board's idle timeout from
        /// closing a quiet connection, so this must be shorter than that timeout.
        /// </summary>
        public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Reply timeout of every request to a board.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(3);

        /// <summary>
        /// Backoff between connection attempts, to boards and to the broker. The bridge never gives up:
        /// <see cref="ReconnectPolicy.MaxAttempts"/> is ignored and the delay stays at its maximum.
        /// </summary>
        public ReconnectPolicy Reconnect { get; set; } = new() { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(15) };

        /// <summary>MQTT client ids are <c>&lt;prefix&gt;-&lt;board-id&gt;</c>: one broker connection per board, so
        /// each board's availability has its own last will.</summary>
        public string ClientIdPrefix { get; set; } = "nanotlv-bridge";

        /// <summary>Where the bridge writes what it does (connections, errors); null for nowhere.</summary>
        public Action<string>? Log { get; set; }

        /// <summary>Checks the settings.</summary>
        /// <exception cref="ArgumentException">A setting is out of range, or the CA file cannot be read.</exception>
        public void Validate()
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(BrokerHost);
            ArgumentOutOfRangeException.ThrowIfLessThan(BrokerPort, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(BrokerPort, ushort.MaxValue);
            if (Password is not null && UserName is null)
            {
                throw new ArgumentException("A broker password needs a user name.", nameof(Password));
            }

            if ((TrustedCaFile is not null || AllowUntrustedCertificates) && !UseTls)
            {
                throw new ArgumentException("A CA file and accepting untrusted certificates need TLS.", nameof(UseTls));
            }

            if (TrustedCaFile is not null && AllowUntrustedCertificates)
            {
                throw new ArgumentException("A CA file and accepting any certificate exclude each other.", nameof(TrustedCaFile));
            }

            if (TrustedCaFile is not null)
            {
                BrokerCertificateCheck.LoadCas(TrustedCaFile);
            }

            BoardTopics.CheckPrefix(TopicPrefix, nameof(TopicPrefix));
            if (DiscoveryPrefix is not null)
            {
                BoardTopics.CheckPrefix(DiscoveryPrefix, nameof(DiscoveryPrefix));
            }

            Positive(SensorInterval, nameof(SensorInterval));
            Positive(KeepAliveInterval, nameof(KeepAliveInterval));
            Positive(RequestTimeout, nameof(RequestTimeout));
            ArgumentNullException.ThrowIfNull(Reconnect);
            ArgumentException.ThrowIfNullOrWhiteSpace(ClientIdPrefix);
        }

        private static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, name + " must be positive.");
            }
        }
    }
}
