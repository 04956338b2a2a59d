using System;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Tests.Messages;

/// <summary>BigEndian puts the most significant byte first, at the offset given.</summary>
public class BigEndianTests
{
    [Theory]
    [InlineData(0x0000, "EE0000EE")]
    [InlineData(0x1234, "EE1234EE")]
    [InlineData(0xFFFF, "EEFFFFEE")]
    [InlineData(0x1ABCD, "EEABCDEE")]
    public void UInt16_round_trips_at_an_offset(int value, string hex)
    {
        byte[] buffer = [0xEE, 0xEE, 0xEE, 0xEE];
        BigEndian.WriteUInt16(buffer, 1, value);
        Assert.Equal(hex, Convert.ToHexString(buffer));
        Assert.Equal((ushort)value, BigEndian.ReadUInt16(buffer, 1));
    }

    [Theory]
    [InlineData(0u, "EE00000000EE")]
    [InlineData(0x01020304u, "EE01020304EE")]
    [InlineData(0xDEADBEEFu, "EEDEADBEEFEE")]
    [InlineData(uint.MaxValue, "EEFFFFFFFFEE")]
    public void UInt32_round_trips_at_an_offset(uint value, string hex)
    {
        byte[] buffer = [0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE];
        BigEndian.WriteUInt32(buffer, 1, value);
        Assert.Equal(hex, Convert.ToHexString(buffer));
        Assert.Equal(value, BigEndian.ReadUInt32(buffer, 1));
    }
}
