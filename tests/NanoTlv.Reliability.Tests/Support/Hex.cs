using System.Globalization;
using System.Text;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>Hex text for corpus files and failure messages: "72 00 02 01 02".</summary>
public static class Hex
{
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

    /// <summary>Parses hex digits; whitespace is ignored, and so is everything from '#' to the end of a line.</summary>
    public static byte[] Parse(string text)
    {
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
            throw new FormatException("Odd number of hex digits.");
        }

        return Convert.FromHexString(digits.ToString());
    }
}
