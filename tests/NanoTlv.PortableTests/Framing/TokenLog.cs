using System.Collections;

namespace NanoTlv.PortableTests.Framing
{
    /// <summary>
    /// Tokens joined by single spaces, e.g. <c>"F3 R2 |"</c>. The text is built on demand: appending to one
    /// growing string would cost quadratic time on long streams.
    /// </summary>
    public sealed class TokenLog
    {
        private const string Separator = " ";

        private readonly ArrayList _tokens = new ArrayList();

        /// <summary>Appends a token.</summary>
        /// <param name="token">The token, without spaces.</param>
        public void Add(string token) => _tokens.Add(token);

        /// <summary>How many tokens were added.</summary>
        public int Count => _tokens.Count;

        /// <summary>The token added at <paramref name="index"/>.</summary>
        /// <param name="index">0-based position.</param>
        /// <returns>The token.</returns>
        public string TokenAt(int index) => (string)_tokens[index]!;

        /// <summary>The tokens joined by spaces; empty when there are none.</summary>
        /// <returns>The text.</returns>
        public override string ToString()
        {
            if (_tokens.Count == 0)
            {
                return string.Empty;
            }

            string[] parts = new string[(2 * _tokens.Count) - 1];
            for (int i = 0; i < _tokens.Count; i++)
            {
                if (i > 0)
                {
                    parts[(2 * i) - 1] = Separator;
                }

                parts[2 * i] = (string)_tokens[i]!;
            }

            return string.Concat(parts);
        }
    }
}
