using CsCheck;
using NanoTlv.Framing;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>
/// CsCheck generators of what a client (or an attacker) can send a session: requests with catalogue opcodes
/// and mostly plausible argument lengths (pin numbers, levels, I2C addresses biased in), arbitrary opcodes and
/// lengths, HELLOs with the right or wrong token, and framing faults between them.
/// </summary>
public static class RequestGenerators
{
    private static readonly byte[] CatalogueOpcodes = MessageCatalog.Opcodes.Select(o => (byte)o).ToArray();

    public static readonly Gen<byte> ArgumentByte = Gen.Frequency(
        (4, Gen.Byte[0, 40]),
        (2, Gen.OneOf<byte>(0, 1, 2, 3, 4, 0xFF, 0x76, 0x77, 0x10, 0x27)),
        (3, Gen.Byte));

    public static readonly Gen<byte> OpcodeByte = Gen.Frequency(
        (17, Gen.OneOf(CatalogueOpcodes)),
        (3, Gen.Byte));

    public static readonly Gen<int[]> ChunkSizes = Gen.Frequency(
        (1, Gen.Const(new[] { 1 })),
        (2, Gen.Int[1, 16].Array[1, 6]),
        (3, Gen.Int[16, 600].Array[1, 6]));

    public static Gen<byte[]> Request(bool withToken) => Gen.Frequency(
        (12, OpcodeByte.SelectMany(opcode => Gen.Select(Gen.UShort, ArgumentLength(opcode).SelectMany(length => ArgumentByte.Array[length]),
            (id, arguments) => Wire.Request(opcode, id, arguments)))),
        (withToken ? 2 : 1, Gen.Select(Gen.UShort, Gen.Bool, (id, right) => Wire.Hello(id, right && withToken ? FuzzDevice.Token : "wrong"))));

    /// <summary>One connection's worth of bytes: framed requests with faults in between.</summary>
    public static Gen<byte[]> Session(bool withToken) => Gen.Frequency(
        (14, Request(withToken).Select(Hex.Frame)),
        (1, Gen.Byte.Array[0, 24]),
        (1, StreamGenerators.NonMarker.Array[1, 24]),
        (1, Gen.Byte.Array[0, 2].Select(Hex.Frame)),
        (1, Gen.Select(Gen.Int[FuzzDevice.DefaultMaxPayloadBytes + 1, FrameFormat.MaxEncodablePayloadBytes], Gen.Int[0, 64], (length, body) =>
            (byte[])[FrameFormat.Marker, (byte)(length >> 8), (byte)length, .. new byte[body]])))
        .Array[1, 40].Select(items => items.SelectMany(i => i).ToArray());

    private static Gen<int> ArgumentLength(byte opcode)
    {
        if (opcode == (byte)Opcode.Ping)
        {
            return Gen.Frequency((6, Gen.Int[0, 40]), (1, Gen.Int[400, 520]));
        }

        if (!MessageCatalog.IsKnown(opcode))
        {
            return Gen.Int[0, 12];
        }

        int min = MessageCatalog.MinArgumentBytes(opcode);
        int max = Math.Min(MessageCatalog.MaxArgumentBytes(opcode), min + 40);
        return Gen.Frequency((8, Gen.Int[min, max]), (1, Gen.Int[0, min + 3]));
    }
}
