using System;
using System.Globalization;
using System.Net;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Parsing
{
    /// <summary>Where discovery requests go: an IPv4 address (broadcast or one board) with an optional port.</summary>
    internal static class DiscoveryTarget
    {
        /// <summary>Environment variable with the default discovery target.</summary>
        public const string Variable = "TLVCTL_DISCOVERY";

        /// <summary>The target without --discovery and $TLVCTL_DISCOVERY: every board of the local network.</summary>
        public static readonly string DefaultText = "255.255.255.255:" + DiscoveryFormat.DefaultPort.ToString(CultureInfo.InvariantCulture);

        /// <summary>Parses "address[:port]" (port 5151 when left out).</summary>
        /// <param name="text">The text.</param>
        /// <returns>The endpoint.</returns>
        /// <exception cref="UsageException">The text is not an IPv4 address with an optional port 1..65535.</exception>
        public static IPEndPoint Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            string value = text.Trim();
            string address = value;
            int port = DiscoveryFormat.DefaultPort;
            int colon = value.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                address = value[..colon];
                if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > ushort.MaxValue)
                {
                    throw Invalid(text);
                }
            }

            if (!IPAddress.TryParse(address, out IPAddress? ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || address.Split('.').Length != 4)
            {
                throw Invalid(text);
            }

            return new IPEndPoint(ip, port);
        }

        private static UsageException Invalid(string text) =>
            new("'" + text + "' is not a discovery target; use an IPv4 address with an optional port, e.g. 192.168.1.255:" + DiscoveryFormat.DefaultPort + " or 127.0.0.1:" + DiscoveryFormat.DefaultPort + ".");
    }
}
