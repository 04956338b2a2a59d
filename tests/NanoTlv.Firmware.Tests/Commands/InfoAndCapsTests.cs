using System.Linq;
using NanoTlv.Firmware.Tests.Support;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Firmware.Tests.Commands;

public sealed class InfoAndCapsTests
{
    [Fact]
    public void Caps_lists_every_pin_of_the_board_with_capabilities_and_adc_channel()
    {
        using var device = new TestDevice();
        byte[] reply = device.Exchange("04 00 01")[0];

        Assert.Equal("84 00 01 00", Hex.Format(reply.AsSpan(0, 4)));
        var board = device.Board.Description;
        var pins = Enumerable.Range(0, board.PinCount).Where(pin => board.GetPin(pin) != null).ToArray();
        Assert.Equal(pins.Length, reply[4]);
        Assert.Equal(5 + (5 * pins.Length) + 1 + (2 * 2), reply.Length);
        for (int i = 0; i < pins.Length; i++)
        {
            var pin = board.GetPin(pins[i])!;
            int entry = 5 + (5 * i);
            Assert.Equal(pins[i], reply[entry]);
            Assert.Equal((int)pin.Capabilities, (reply[entry + 1] << 8) | reply[entry + 2]);
            Assert.Equal(pin.AdcChannel < 0 ? 0xFF : pin.AdcChannel, reply[entry + 3]);
            Assert.Equal((byte)pin.Reservation, reply[entry + 4]);
        }
    }

    [Fact]
    public void Caps_lists_the_sensors_sensor_read_has_readers_for_with_their_default_addresses()
    {
        using var device = new TestDevice();
        byte[] reply = device.Exchange("04 00 01")[0];

        // After the header (4) and pin_count pins of 5 bytes: sensor_count 2, internal (not on the bus), BME280 at 0x76.
        int sensors = 4 + 1 + (5 * reply[4]);
        Assert.Equal("02 00 00 01 76", Hex.Format(reply.AsSpan(sensors)));
    }

    [Fact]
    public void Every_sensor_caps_lists_is_read_at_its_listed_default_and_no_other_kind_is()
    {
        using var device = new TestDevice();
        device.Board.SetEnvironment(21.5, 101325, 45);
        byte[] caps = device.Exchange("04 00 01")[0];
        int offset = 4 + 1 + (5 * caps[4]);
        var listed = new Dictionary<int, int>();
        for (int i = 0; i < caps[offset]; i++)
        {
            listed.Add(caps[offset + 1 + (2 * i)], caps[offset + 2 + (2 * i)]);
        }

        for (int kind = 0; kind < 8; kind++)
        {
            // SENSOR_READ without an address and with the listed default address: the same reader, the same size.
            List<byte[]> replies = device.Exchange("50 00 02 " + kind.ToString("X2"), "50 00 03 " + kind.ToString("X2") + " " + listed.GetValueOrDefault(kind).ToString("X2"));
            if (!listed.TryGetValue(kind, out int address))
            {
                Assert.Equal("D0 00 02 0E", Hex.Format(replies[0]));   // BadArgument: no reader
                continue;
            }

            Assert.Equal(MessageCatalog.SensorDefaultAddress((byte)kind), address);
            foreach (byte[] sensorReply in replies)
            {
                Assert.Equal(0, sensorReply[3]);
                Assert.Equal(MessageCatalog.SensorReplyBytes((byte)kind), sensorReply.Length - 4);
            }
        }
    }

    [Fact]
    public void Caps_entry_of_the_analog_input_only_pin()
    {
        using var device = new TestDevice();
        string reply = Hex.Format(device.Exchange("04 00 01")[0]);

        // GPIO 8: DigitalInput | Analog = 0x0021, ADC channel 0, usable; GPIO 6: Reserved = 0x0100, no channel, flash;
        // GPIO 13: status LED.
        Assert.Contains("08 00 21 00 00", reply, System.StringComparison.Ordinal);
        Assert.Contains("06 01 00 FF 01", reply, System.StringComparison.Ordinal);
        Assert.Contains("0D 04 5F FF 05", reply, System.StringComparison.Ordinal);
        string[] bytes = reply.Split(' ');
        var listedPins = Enumerable.Range(0, int.Parse(bytes[4], System.Globalization.NumberStyles.HexNumber)).Select(i => bytes[5 + (5 * i)]);
        Assert.DoesNotContain("07", listedPins);
    }

    [Fact]
    public void Info_reports_uptime_memory_counters_and_clients()
    {
        using var device = new TestDevice();
        device.Board.System.Freeze(0x01020304);

        // PING (7-byte frame), garbage (2 bytes skipped), an oversized frame, a short payload, an error, then INFO.
        var transport = device.Serve(
            Hex.FrameOf("02 00 01 AA"),
            [0x00, 0x01, 0x72, 0x04, 0x01],
            new byte[500],
            new byte[500],
            new byte[25],
            [0x5A],
            Hex.FrameOf("02 00"),
            Hex.FrameOf("7F 00 02"),
            Hex.FrameOf("03 00 03"));
        var frames = transport.Frames;
        byte[] info = frames[^1];

        Assert.Equal("83 00 03 00", Hex.Format(info.AsSpan(0, 4)));
        Assert.Equal(54, info.Length);
        uint U32(int field) => BigEndian.ReadUInt32(info, 4 + (4 * field));
        Assert.Equal(0x01020304u, U32(0));
        Assert.Equal(81920u, U32(1));
        Assert.Equal(131072u, U32(2));
        Assert.Equal(4u, U32(3));                  // frames_rx: PING, short payload, unknown, INFO
        Assert.Equal((uint)(7 + 5 + 1025 + 1 + 5 + 6 + 6), U32(4)); // bytes_rx
        Assert.Equal((uint)(frames.Count - 1), U32(5)); // frames_tx: all but this reply (not yet sent)
        Assert.Equal(2u, U32(6));                  // resyncs: 00 01, then 5A
        Assert.Equal(3u, U32(7));                  // skipped bytes
        Assert.Equal(1u, U32(8));                  // oversized
        Assert.Equal(5u, U32(9));                  // error replies: 2 × garbage, too large, malformed, unknown
        Assert.Equal(1, info[44]);                 // clients
        Assert.Equal(4, info[45]);                 // max_clients
        Assert.Equal(0u, BigEndian.ReadUInt32(info, 46)); // failed_auth
        Assert.Equal(0u, BigEndian.ReadUInt32(info, 50)); // rejected
    }

    [Fact]
    public void Info_totals_survive_the_connection_that_counted_them()
    {
        using var device = new TestDevice();
        device.Exchange("02 00 01", "02 00 02");

        byte[] info = device.Exchange("03 00 03")[0];

        Assert.Equal(3u, BigEndian.ReadUInt32(info, 4 + 12)); // frames_rx: 2 earlier + this INFO
        Assert.Equal(2u, BigEndian.ReadUInt32(info, 4 + 20)); // frames_tx: the 2 earlier replies
    }

    [Fact]
    public void Info_counts_wrong_tokens_and_rejected_connections()
    {
        using var device = new TestDevice(options =>
        {
            options.AuthToken = "s3cret";
            options.FailedHelloDelayMs = DeviceOptions.ThrottlingOff;
            options.MaxClients = 1;
        });
        device.Exchange("01 00 01 01 03 62 61 64", "01 00 02 01 02 6E 6F");

        PipeTransport owner = device.Connect();
        owner.WriteFrame("01 00 01 01 06 73 33 63 72 65 74");
        Assert.Equal("81 00 01 00", Hex.Format(owner.ReadFrame().AsSpan(0, 4)));
        var turnedAway = new ScriptedTransport();
        Assert.False(device.Server.ServeConnection(turnedAway));
        Assert.False(device.Server.ServeConnection(new ScriptedTransport()));
        owner.WriteFrame("03 00 02");
        byte[] info = owner.ReadFrame();

        Assert.Equal("83 00 02 00", Hex.Format(info.AsSpan(0, 4)));
        Assert.Equal(1, info[44]);                        // clients
        Assert.Equal(2u, BigEndian.ReadUInt32(info, 46)); // failed_auth: "bad", "no"
        Assert.Equal(2u, BigEndian.ReadUInt32(info, 50)); // rejected
        Assert.True(turnedAway.IsClosed);
        owner.CloseFromClient();
    }
}
