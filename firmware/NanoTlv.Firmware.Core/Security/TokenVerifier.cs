namespace NanoTlv.Firmware.Security
{
    /// <summary>
    /// Compares a presented token with the configured one in time that depends only on the configured
    /// token's length: every configured byte is compared, there is no early exit, and a length mismatch is
    /// folded into the same accumulator. The token is kept as bytes and never logged or echoed.
    /// </summary>
    internal sealed class TokenVerifier
    {
        private readonly byte[] _expected;

        /// <summary>Creates a verifier for <paramref name="token"/> (printable ASCII), or an open one for null.</summary>
        /// <param name="token">The configured token, or null when none is required.</param>
        public TokenVerifier(string? token)
        {
            IsRequired = token != null;
            _expected = new byte[token == null ? 0 : token.Length];
            for (int i = 0; i < _expected.Length; i++)
            {
                _expected[i] = (byte)token![i];
            }
        }

        /// <summary>True when a token is configured.</summary>
        public bool IsRequired { get; }

        /// <summary>True when the <paramref name="count"/> bytes at <paramref name="offset"/> equal the token.</summary>
        /// <param name="buffer">Holds the presented token.</param>
        /// <param name="offset">Its first byte.</param>
        /// <param name="count">Its length (0 when none was presented).</param>
        /// <returns>Whether it matches; always true when no token is configured.</returns>
        public bool Matches(byte[] buffer, int offset, int count)
        {
            if (!IsRequired)
            {
                return true;
            }

            int difference = _expected.Length ^ count;
            for (int i = 0; i < _expected.Length; i++)
            {
                // Wrap around a shorter presented token so the loop's work never depends on its length.
                int presented = count == 0 ? 0 : buffer[offset + (i % count)];
                difference |= _expected[i] ^ presented;
            }

            return difference == 0;
        }
    }
}
