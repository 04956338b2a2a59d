using System;
using System.Net;

namespace NanoTlv.Cli.Parsing
{
    /// <summary>Tells a --device value that may name a board (to be found by discovery) from a plain address.</summary>
    internal static class BoardReference
    {
        /// <summary>True for a word with no port that is neither an IP address nor "localhost": a board name or id,
        /// or else a host name.</summary>
        /// <param name="deviceText">The --device value.</param>
        /// <returns>True when discovery should be asked first.</returns>
        public static bool IsCandidate(string deviceText)
        {
            ArgumentNullException.ThrowIfNull(deviceText);
            string value = deviceText.Trim();
            return value.Length > 0
                && !value.Contains(':', StringComparison.Ordinal)
                && !value.StartsWith('[')
                && !IPAddress.TryParse(value, out _)
                && !string.Equals(value, "localhost", StringComparison.OrdinalIgnoreCase);
        }
    }
}
