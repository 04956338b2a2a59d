using System;
using System.Linq;
using System.Text;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Tests.Messages;

/// <summary>The catalogue knows exactly the protocol's opcodes, with their names, argument limits and access.</summary>
public class MessageCatalogTests
{
    [Fact]
    public void Catalogue_lists_every_Opcode_value_once()
    {
        Assert.Equal(Enum.GetValues<Opcode>().Order(), MessageCatalog.Opcodes.Order());
        Assert.Equal(MessageCatalog.Opcodes.Length, MessageCatalog.Opcodes.Distinct().Count());
    }

    [Fact]
    public void Exactly_the_listed_opcodes_are_known()
    {
        for (int value = 0; value <= byte.MaxValue; value++)
        {
            bool listed = MessageCatalog.Opcodes.Contains((Opcode)value);
            Assert.True(listed == MessageCatalog.IsKnown((byte)value), $"opcode 0x{value:X2}: listed {listed}, IsKnown {!listed}");
            if (!listed)
            {
                Assert.Equal("UNKNOWN", MessageCatalog.NameOf((byte)value));
                Assert.False(MessageCatalog.AcceptsArgumentLength((byte)value, 0));
                Assert.False(MessageCatalog.RequiresAuthentication((byte)value));
            }
        }
    }

    [Fact]
    public void Each_name_is_the_enum_name_in_upper_snake_case()
    {
        foreach (var opcode in MessageCatalog.Opcodes)
        {
            Assert.Equal(UpperSnake(opcode.ToString()), MessageCatalog.NameOf((byte)opcode));
        }

        Assert.Equal("I2C_WRITE_READ", MessageCatalog.NameOf((byte)Opcode.I2cWriteRead));
        Assert.Equal("DIGITAL_WRITE", MessageCatalog.NameOf(0x11));
    }

    [Theory]
    [InlineData(Opcode.Hello, 12 + 32, false)]
    [InlineData(Opcode.Ping, MessageCatalog.EchoesArguments, false)]
    [InlineData(Opcode.Info, 50, true)]
    [InlineData(Opcode.PinMode, 0, true)]
    [InlineData(Opcode.DigitalRead, 1, true)]
    [InlineData(Opcode.DigitalToggle, 1, true)]
    [InlineData(Opcode.AnalogRead, 5, true)]
    [InlineData(Opcode.I2cRead, 255, false)]
    [InlineData(Opcode.I2cScan, 1 + 112, false)]
    [InlineData(Opcode.SensorRead, 12, false)]
    [InlineData(Opcode.Failsafe, 0, true)]
    public void Reply_sizes_are_the_documented_layouts(Opcode opcode, int maxReplyBytes, bool fixedSize)
    {
        Assert.Equal(maxReplyBytes, MessageCatalog.MaxReplyDataBytes((byte)opcode));
        Assert.Equal(fixedSize, MessageCatalog.HasFixedReplySize((byte)opcode));
    }

    [Fact]
    public void Sensors_have_a_name_a_reply_size_and_a_default_address()
    {
        Assert.Equal(Enum.GetValues<SensorKind>().Order(), MessageCatalog.Sensors.Order());
        Assert.Equal("internal", MessageCatalog.SensorNameOf((byte)SensorKind.InternalTemperature));
        Assert.Equal(4, MessageCatalog.SensorReplyBytes((byte)SensorKind.InternalTemperature));
        Assert.Equal(MessageCatalog.NotOnI2cBus, MessageCatalog.SensorDefaultAddress((byte)SensorKind.InternalTemperature));
        Assert.Equal("bme280", MessageCatalog.SensorNameOf((byte)SensorKind.Bme280));
        Assert.Equal(12, MessageCatalog.SensorReplyBytes((byte)SensorKind.Bme280));
        Assert.Equal(0x76, MessageCatalog.SensorDefaultAddress((byte)SensorKind.Bme280));
        Assert.False(MessageCatalog.IsKnownSensor(0x7F));
        Assert.Equal("unknown", MessageCatalog.SensorNameOf(0x7F));
    }

    [Fact]
    public void Caps_has_room_for_every_pin_and_every_catalogue_sensor()
    {
        // pin_count u8, 255 × (pin u8, capabilities u16, adc_channel u8, reservation u8), sensor_count u8, (kind u8, address u8) per sensor.
        Assert.Equal(1 + (5 * 255) + 1 + (2 * MessageCatalog.Sensors.Length), MessageCatalog.MaxReplyDataBytes((byte)Opcode.Caps));
        Assert.False(MessageCatalog.HasFixedReplySize((byte)Opcode.Caps));
        Assert.Equal(1 + (5 * 34), MessageCatalog.CapsSensorsOffset(34));
        Assert.Equal(1 + (5 * 34) + 1 + (2 * 2), MessageCatalog.CapsReplyBytes(34, 2));
    }

    [Fact]
    public void Sensor_read_has_room_for_the_largest_sensor_reply()
    {
        int largest = MessageCatalog.Sensors.Max(s => MessageCatalog.SensorReplyBytes((byte)s));
        Assert.Equal(largest, MessageCatalog.MaxReplyDataBytes((byte)Opcode.SensorRead));
    }

    [Theory]
    [InlineData(Opcode.Hello, 2, 2 + ProtocolLimits.MaxTokenBytes)]
    [InlineData(Opcode.Ping, 0, MessageCatalog.Unbounded)]
    [InlineData(Opcode.Info, 0, 0)]
    [InlineData(Opcode.PinMode, 2, 2)]
    [InlineData(Opcode.Pulse, 6, 6)]
    [InlineData(Opcode.Subscribe, 4, 4)]
    [InlineData(Opcode.PwmSet, 7, 7)]
    [InlineData(Opcode.I2cWrite, 2, 256)]
    [InlineData(Opcode.I2cWriteRead, 3, 257)]
    [InlineData(Opcode.SensorRead, 1, 2)]
    [InlineData(Opcode.Failsafe, 2, 2)]
    public void Argument_limits_are_inclusive(Opcode opcode, int min, int max)
    {
        byte code = (byte)opcode;
        Assert.Equal(min, MessageCatalog.MinArgumentBytes(code));
        Assert.Equal(max, MessageCatalog.MaxArgumentBytes(code));
        Assert.True(MessageCatalog.AcceptsArgumentLength(code, min));
        Assert.True(MessageCatalog.AcceptsArgumentLength(code, max));
        Assert.False(MessageCatalog.AcceptsArgumentLength(code, min - 1));
        Assert.False(MessageCatalog.AcceptsArgumentLength(code, max + 1));
    }

    [Fact]
    public void Unbounded_is_the_largest_payload_less_the_request_header()
    {
        Assert.Equal(65535 - 3, MessageCatalog.Unbounded);
    }

    [Fact]
    public void Only_HELLO_and_PING_work_without_a_token()
    {
        var open = MessageCatalog.Opcodes.Where(o => !MessageCatalog.RequiresAuthentication((byte)o));
        Assert.Equal(new[] { Opcode.Hello, Opcode.Ping }, open.Order());
    }

    [Fact]
    public void Reply_codes_stay_below_the_event_codes()
    {
        foreach (var opcode in MessageCatalog.Opcodes)
        {
            Assert.True((byte)opcode <= MessageHeader.MaxRequestOpcode, $"{opcode} is above the highest request opcode");
            Assert.True(((byte)opcode | MessageHeader.ReplyFlag) < MessageHeader.FirstEventCode, $"{opcode}'s reply code reaches the event range");
        }

        Assert.All(Enum.GetValues<EventCode>(), e => Assert.True((byte)e >= MessageHeader.FirstEventCode, $"{e} is below the event range"));
    }

    private static string UpperSnake(string pascal)
    {
        var text = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
