using System;
using System.Globalization;
using System.Text;
using NanoTlv.Framing;

namespace NanoTlv.Testing
{
    /// <summary>
    /// Hex text as docs/protocol.md, the corpus files and failure messages write it: bytes separated by
    /// spaces, e.g. <c>72 00 03 02 00 01</c>; and the frame around a payload.
    /// </summary>
    public static class Hex
    {
        /// <summary>Parses hex digits; whitespace is ignored, and so is everything from '#' to the end of a line.</summary>
        /// <param name="text">Pairs of hex digits, e.g. "72 00 02 01 02".</param>
        /// <returns>The bytes.</returns>
        /// <exception cref="FormatException">An odd number of digits or a character that is not a hex digit.</exception>
        public static byte[] Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var digits = new StringBuilder(text.Length);
            foreach (string line in text.Split('\n'))
            {
                int comment = line.IndexOf('#', StringComparison.Ordinal);
                string content = comment >= 0 ? line[..comment] : line;
                foreach (char c in content)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        digits.Append(c);
                    }
                }
            }

            if (digits.Length % 2 != 0)
            {
                throw new FormatException("Odd number of hex digits in \"" + text + "\".");
            }

            return Convert.FromHexString(digits.ToString());
        }

        /// <summary>Formats bytes as upper-case hex pairs separated by spaces.</summary>
        /// <param name="bytes">The bytes.</param>
        /// <param name="limit">Most bytes written; longer input ends with "... (N bytes)".</param>
        /// <returns>The text, e.g. "72 00 02 01 02".</returns>
        public static string Format(ReadOnlySpan<byte> bytes, int limit = int.MaxValue)
        {
            var text = new StringBuilder(Math.Min(bytes.Length, limit) * 3);
            for (int i = 0; i < bytes.Length && i < limit; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                text.Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
            }

            if (bytes.Length > limit)
            {
                text.Append(" ... (").Append(bytes.Length).Append(" bytes)");
            }

            return text.ToString();
        }

        /// <summary>Wraps a payload into a frame (<see cref="FrameWriter"/>): 72 len_hi len_lo payload.</summary>
        /// <param name="payload">The payload.</param>
        /// <returns>The frame.</returns>
        public static byte[] Frame(byte[] payload)
        {
            ArgumentNullException.ThrowIfNull(payload);
            var frame = new byte[FrameFormat.HeaderBytes + payload.Length];
            FrameWriter.Write(payload, 0, payload.Length, frame, 0);
            return frame;
        }

        /// <summary>The frame of a payload given as hex.</summary>
        /// <param name="payloadHex">The payload, e.g. "01 00 07".</param>
        /// <returns>The frame.</returns>
        public static byte[] FrameOf(string payloadHex) => Frame(Parse(payloadHex));
    }
}
