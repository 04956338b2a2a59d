using System;
using System.Globalization;
using System.Linq;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>Hex text as in docs/protocol.md: bytes separated by spaces, e.g. "72 00 03 02 00 01".</summary>
public static class Hex
{
    public static byte[] Parse(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => byte.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToArray();

    public static string Format(ReadOnlySpan<byte> bytes) =>
        string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>Wraps a payload into a frame: 72 len_hi len_lo payload.</summary>
    public static byte[] Frame(byte[] payload)
    {
        byte[] frame = new byte[payload.Length + 3];
        frame[0] = 0x72;
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        payload.CopyTo(frame, 3);
        return frame;
    }

    /// <summary>The frame of a payload given as hex.</summary>
    public static byte[] FrameOf(string payloadHex) => Frame(Parse(payloadHex));
}
