using System;
using System.Net;

namespace NanoTlv.Client.Discovery
{
    /// <summary>A board that answered a DISCOVER (or announced itself), and where its command server is.</summary>
    /// <param name="BoardId">The board id as 12 lowercase hex digits (the ESP32's MAC address), e.g. "a4cf12345678".</param>
    /// <param name="Name">The device name.</param>
    /// <param name="TcpEndPoint">The command server: the address the announcement came from and the announced TCP port.</param>
    /// <param name="FirmwareVersion">Firmware version (major.minor.patch).</param>
    /// <param name="ProtocolVersion">TCP protocol version.</param>
    /// <param name="TokenRequired">True when HELLO needs a token.</param>
    public sealed record DiscoveredBoard(string BoardId, string Name, IPEndPoint TcpEndPoint, Version FirmwareVersion, int ProtocolVersion, bool TokenRequired)
    {
        /// <summary>True when <paramref name="idOrName"/> is this board's id (hex digits, case and ':'/'-' separators
        /// ignored) or its name (case-insensitive).</summary>
        /// <param name="idOrName">A board id or name.</param>
        /// <returns>True on a match.</returns>
        public bool Matches(string idOrName)
        {
            ArgumentNullException.ThrowIfNull(idOrName);
            string trimmed = idOrName.Trim();
            return string.Equals(Name, trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(BoardId, trimmed.Replace(":", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
    }
}
