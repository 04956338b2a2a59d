using System;
using System.Globalization;

namespace NanoTlv.Dashboard
{
    /// <summary>Where one board listens and the token its HELLO needs. The token stays on the host: it is never
    /// part of what the dashboard sends to a browser, and <see cref="ToString"/> leaves it out.</summary>
    public sealed class BoardEndpoint
    {
        /// <summary>Describes a board at <paramref name="host"/>:<paramref name="port"/>.</summary>
        /// <param name="host">Host name or address.</param>
        /// <param name="port">TCP port, 1..65535.</param>
        /// <param name="token">Authentication token sent in HELLO, or null.</param>
        public BoardEndpoint(string host, int port, string? token)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(host);
            ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, ushort.MaxValue);
            Host = host;
            Port = port;
            Token = token;
        }

        /// <summary>Host name or address.</summary>
        public string Host { get; }

        /// <summary>TCP port.</summary>
        public int Port { get; }

        /// <summary>The HELLO token, or null. Never sent to the browser.</summary>
        public string? Token { get; }

        /// <summary>host:port (without the token).</summary>
        /// <returns>The address text.</returns>
        public override string ToString() => Host + ":" + Port.ToString(CultureInfo.InvariantCulture);
    }
}
