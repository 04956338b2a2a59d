using System;
using System.Collections.Generic;
using System.Globalization;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Parsing
{
    /// <summary>Parsers of the values tlvctl's arguments take.</summary>
    public static class ValueParsers
    {
        /// <summary>The pin mode names of <c>gpio mode</c>, in wire order.</summary>
        public static readonly string[] PinModeNames = { "input", "input-pullup", "input-pulldown", "output", "output-opendrain" };

        /// <summary>Parses a pin mode name.</summary>
        /// <param name="name">One of <see cref="PinModeNames"/>.</param>
        /// <returns>The mode.</returns>
        public static PinMode ParsePinMode(string name)
        {
            int index = Array.FindIndex(PinModeNames, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? (PinMode)index : throw new UsageException("'" + name + "' is not a pin mode; use " + string.Join(", ", PinModeNames) + ".");
        }

        /// <summary>The name of a pin mode.</summary>
        /// <param name="mode">The mode.</param>
        /// <returns>Its name in <see cref="PinModeNames"/>.</returns>
        public static string NameOf(PinMode mode) => (int)mode < PinModeNames.Length ? PinModeNames[(int)mode] : mode.ToString();

        /// <summary>Parses a level: 0, 1, low or high.</summary>
        /// <param name="text">The text.</param>
        /// <param name="high">True for 1 / high.</param>
        /// <returns>Whether the text is a level.</returns>
        public static bool TryParseLevel(string text, out bool high)
        {
            switch (text.Trim().ToUpperInvariant())
            {
                case "1":
                case "HIGH":
                    high = true;
                    return true;
                case "0":
                case "LOW":
                    high = false;
                    return true;
                default:
                    high = false;
                    return false;
            }
        }

        /// <summary>Parses a 7-bit I2C address: 0x76, 76h or decimal 118.</summary>
        /// <param name="text">The text.</param>
        /// <param name="address">0..127.</param>
        /// <returns>Whether the text is an address.</returns>
        public static bool TryParseI2cAddress(string text, out int address)
        {
            string value = text.Trim();
            bool parsed;
            if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                parsed = int.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address);
            }
            else if (value.EndsWith('h') || value.EndsWith('H'))
            {
                parsed = int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address);
            }
            else
            {
                parsed = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out address);
            }

            return parsed && address >= 0 && address <= 0x7F;
        }

        /// <summary>Parses hex bytes: "0a0b", "0a:0b", "0a,0b", "0x0a 0x0b".</summary>
        /// <param name="text">The text.</param>
        /// <param name="bytes">The bytes.</param>
        /// <returns>Whether the text is hex bytes (at least one).</returns>
        public static bool TryParseHexBytes(string text, out byte[] bytes)
        {
            bytes = Array.Empty<byte>();
            string[] parts = text.Split(new[] { ' ', ':', ',', '-', '_' }, StringSplitOptions.RemoveEmptyEntries);
            var result = new List<byte>();
            foreach (string raw in parts)
            {
                string part = raw.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? raw[2..] : raw;
                if (part.Length == 0)
                {
                    return false;
                }

                if (parts.Length > 1 && part.Length <= 2)
                {
                    if (!byte.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte single))
                    {
                        return false;
                    }

                    result.Add(single);
                    continue;
                }

                if (part.Length % 2 != 0)
                {
                    return false;
                }

                try
                {
                    result.AddRange(Convert.FromHexString(part));
                }
                catch (FormatException)
                {
                    return false;
                }
            }

            bytes = result.ToArray();
            return bytes.Length > 0;
        }

        /// <summary>Formats bytes as lowercase hex pairs separated by spaces.</summary>
        /// <param name="bytes">The bytes.</param>
        /// <returns>"0a 0b".</returns>
        public static string FormatHex(ReadOnlySpan<byte> bytes)
        {
            var parts = new string[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                parts[i] = bytes[i].ToString("x2", CultureInfo.InvariantCulture);
            }

            return string.Join(' ', parts);
        }

        /// <summary>Formats an I2C address as 0x76.</summary>
        /// <param name="address">The address.</param>
        /// <returns>The text.</returns>
        public static string FormatAddress(int address) => "0x" + address.ToString("X2", CultureInfo.InvariantCulture);
    }
}
