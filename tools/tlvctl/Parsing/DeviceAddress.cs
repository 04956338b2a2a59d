using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NanoTlv.Client;

namespace NanoTlv.Cli.Parsing
{
    /// <summary>A device's host and port, parsed from "host:port", "host" or "[v6address]:port".</summary>
    /// <param name="Host">Host name or address.</param>
    /// <param name="Port">TCP port.</param>
    public sealed record DeviceAddress(string Host, int Port)
    {
        /// <summary>The port used when none is given.</summary>
        public const int DefaultPort = 5150;

        /// <summary>The address used without --device and TLVCTL_DEVICE.</summary>
        public const string DefaultText = "127.0.0.1:5150";

        /// <summary>Parses <paramref name="text"/>.</summary>
        /// <param name="text">"host:port", "host" or "[v6]:port".</param>
        /// <returns>The address.</returns>
        /// <exception cref="UsageException">The text is not an address.</exception>
        public static DeviceAddress Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            string value = text.Trim();
            if (value.Contains("://", StringComparison.Ordinal))
            {
                throw new UsageException(
                    "'" + text + "' is a URL; a device address is host:port (tlvctl speaks the device's TCP protocol, not HTTP), e.g. 192.168.1.50:5150 or [fe80::1]:5150.");
            }

            string host = value;
            string? port = null;
            if (value.StartsWith('['))
            {
                int close = value.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    throw Invalid(text);
                }

                host = value[1..close];
                if (!IPAddress.TryParse(host, out IPAddress? v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                {
                    throw new UsageException("'" + text + "': brackets hold an IPv6 address, e.g. [::1]:5150 or [fe80::1%eth0]:5150.");
                }

                string rest = value[(close + 1)..];
                if (rest.Length > 0)
                {
                    port = rest.StartsWith(':') ? rest[1..] : throw Invalid(text);
                }
            }
            else
            {
                int colon = value.LastIndexOf(':');
                if (colon >= 0 && value.IndexOf(':', StringComparison.Ordinal) == colon)
                {
                    host = value[..colon];
                    port = value[(colon + 1)..];
                }
            }

            if (host.Length == 0 || host.AsSpan().IndexOfAny("/@ \t") >= 0)
            {
                throw Invalid(text);
            }

            int portNumber = DefaultPort;
            if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber) || portNumber < 1 || portNumber > ushort.MaxValue))
            {
                throw Invalid(text);
            }

            return new DeviceAddress(host, portNumber);
        }

        /// <summary>"host:port".</summary>
        /// <returns>The address as text.</returns>
        public override string ToString() => TlvClient.FormatEndpoint(Host, Port);

        private static UsageException Invalid(string text) =>
            new("'" + text + "' is not a device address; use host:port, e.g. 192.168.1.50:5150, or [IPv6 address]:port.");
    }
}
