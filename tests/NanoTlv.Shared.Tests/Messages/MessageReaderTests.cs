using System;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Tests.Messages;

/// <summary>MessageReader reads big-endian fields within the range it was reset to, and no further.</summary>
public class MessageReaderTests
{
    [Fact]
    public void Reads_big_endian_fields_in_order_inside_the_range()
    {
        byte[] buffer = [0xEE, 0x02, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0xFF, 0xFF, 0xFF, 0xFE, 0x55, 0x66, 0xEE];
        var reader = new MessageReader();
        reader.Reset(buffer, 1, 13);

        Assert.Same(buffer, reader.Buffer);
        Assert.Equal(0x02, reader.ReadByte());
        Assert.Equal(0x1234, reader.ReadUInt16());
        Assert.Equal(0xDEADBEEFu, reader.ReadUInt32());
        Assert.Equal(-2, reader.ReadInt32());
        Assert.Equal(12, reader.Position);
        reader.Skip(1);
        Assert.Equal(1, reader.Remaining);
        Assert.Equal(0x66, reader.ReadByte());
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Reading_past_the_end_throws_with_the_bytes_left_and_reads_nothing()
    {
        var reader = new MessageReader();
        reader.Reset([1, 2, 3, 0xEE], 0, 3);
        reader.ReadUInt16();

        var error = Assert.Throws<InvalidOperationException>(() => reader.ReadUInt16());
        Assert.Equal("The message has 1 bytes left; 2 were read.", error.Message);
        Assert.Throws<InvalidOperationException>(() => reader.ReadUInt32());
        Assert.Throws<InvalidOperationException>(() => reader.Skip(2));
        Assert.Throws<InvalidOperationException>(() => reader.Skip(-1));
        Assert.Equal(3, reader.ReadByte());
        Assert.Throws<InvalidOperationException>(() => reader.ReadByte());
    }

    [Fact]
    public void A_new_reader_is_empty_and_Reset_checks_its_arguments()
    {
        var reader = new MessageReader();
        Assert.Equal(0, reader.Remaining);
        Assert.Throws<InvalidOperationException>(() => reader.ReadByte());
        Assert.Throws<ArgumentNullException>(() => reader.Reset(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Reset(new byte[4], 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Reset(new byte[4], -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Reset(new byte[4], 0, -1));
    }
}
