using NanoTlv.Firmware.Tests.Support;
using Xunit;

namespace NanoTlv.Firmware.Tests.Dispatch;

/// <summary>
/// One row per command outcome: scene-setting requests (whose replies must be OK), then the request under
/// test and its exact reply payload. Payloads in hex without the frame header; ids are 00 01 for the scene
/// and 00 09 for the request under test. Pins are those of <see cref="TestBoard"/>.
/// </summary>
public sealed class CommandTableTests
{
    public static TheoryData<string, string[], string, string> Cases => new()
    {
        // name, scene, request, reply
        { "ping empty", [], "02 00 09", "82 00 09 00" },
        { "ping echo", [], "02 00 09 AB CD EF", "82 00 09 00 AB CD EF" },
        { "unknown opcode 0x00", [], "00 00 09", "80 00 09 01" },
        { "unknown opcode 0x6F", [], "6F 00 09", "EF 00 09 01" },
        { "unknown opcode 0x7F: above 0x6F the reply code is 0x80", [], "7F 00 09 01 02", "80 00 09 01" },
        { "unknown opcode 0xF0", [], "F0 00 09", "80 00 09 01" },
        { "unknown opcode 0x15", [], "15 12 34", "95 12 34 01" },

        { "pin mode output", [], "10 00 09 02 03", "90 00 09 00" },
        { "pin mode on missing pin", [], "10 00 09 07 03", "90 00 09 03" },
        { "pin mode beyond the board", [], "10 00 09 FF 00", "90 00 09 03" },
        { "pin mode on reserved pin", [], "10 00 09 06 00", "90 00 09 04" },
        { "pin mode on I2C pin", [], "10 00 09 0B 03", "90 00 09 04" },
        { "pin mode on status LED pin", [], "10 00 09 0D 03", "90 00 09 04" },
        { "pin mode unknown mode", [], "10 00 09 02 05", "90 00 09 0E" },
        { "pin mode output on input-only pin", [], "10 00 09 09 03", "90 00 09 05" },
        { "pin mode pull-up on pin without pulls", [], "10 00 09 09 01", "90 00 09 05" },
        { "pin mode input on output-only pin", [], "10 00 09 0A 00", "90 00 09 05" },
        { "pin mode open drain on output-only pin", [], "10 00 09 0A 04", "90 00 09 05" },

        { "write high", ["10 00 01 02 03"], "11 00 09 02 01", "91 00 09 00" },
        { "write level 2", ["10 00 01 02 03"], "11 00 09 02 02", "91 00 09 0E" },
        { "write unconfigured pin", [], "11 00 09 03 01", "91 00 09 06" },
        { "write input pin", ["10 00 01 03 00"], "11 00 09 03 01", "91 00 09 06" },
        { "write input-only pin", [], "11 00 09 09 01", "91 00 09 05" },
        { "write reserved pin", [], "11 00 09 06 01", "91 00 09 04" },
        { "write missing pin", [], "11 00 09 07 01", "91 00 09 03" },

        { "read unconfigured pin", [], "12 00 09 02", "92 00 09 06" },
        { "read output written high", ["10 00 01 02 03", "11 00 01 02 01"], "12 00 09 02", "92 00 09 00 01" },
        { "read pulled-up input", ["10 00 01 03 01"], "12 00 09 03", "92 00 09 00 01" },
        { "read pulled-down input", ["10 00 01 03 02"], "12 00 09 03", "92 00 09 00 00" },

        { "toggle low output", ["10 00 01 02 03"], "13 00 09 02", "93 00 09 00 01" },
        { "toggle twice", ["10 00 01 02 03", "13 00 01 02"], "13 00 09 02", "93 00 09 00 00" },
        { "toggle input", ["10 00 01 02 00"], "13 00 09 02", "93 00 09 06" },

        { "pulse", ["10 00 01 02 03"], "14 00 09 02 01 00 00 03 E8", "94 00 09 00" },
        { "pulse zero duration", ["10 00 01 02 03"], "14 00 09 02 01 00 00 00 00", "94 00 09 0E" },
        { "pulse above one hour", ["10 00 01 02 03"], "14 00 09 02 01 00 36 EE 81", "94 00 09 0E" },
        { "pulse level 2", ["10 00 01 02 03"], "14 00 09 02 02 00 00 00 10", "94 00 09 0E" },
        { "pulse input", ["10 00 01 02 00"], "14 00 09 02 01 00 00 00 10", "94 00 09 06" },
        { "pulse on pulsing pin", ["10 00 01 02 03", "14 00 01 02 01 00 00 EA 60"], "14 00 09 02 00 00 00 00 10", "94 00 09 0F" },
        { "write pulsing pin", ["10 00 01 02 03", "14 00 01 02 01 00 00 EA 60"], "11 00 09 02 00", "91 00 09 0F" },

        { "subscribe", ["10 00 01 03 00"], "20 00 09 03 03 00 00", "A0 00 09 00" },
        { "subscribe no edges", ["10 00 01 03 00"], "20 00 09 03 00 00 00", "A0 00 09 0E" },
        { "subscribe edges 4", ["10 00 01 03 00"], "20 00 09 03 04 00 00", "A0 00 09 0E" },
        { "subscribe output pin", ["10 00 01 03 03"], "20 00 09 03 01 00 00", "A0 00 09 06" },
        { "subscribe output-only pin", [], "20 00 09 0A 01 00 00", "A0 00 09 05" },
        { "subscribe reserved pin", [], "20 00 09 06 01 00 00", "A0 00 09 04" },
        { "unsubscribe never subscribed", [], "21 00 09 03", "A1 00 09 00" },
        { "unsubscribe missing pin", [], "21 00 09 07", "A1 00 09 03" },

        { "analog on pin without ADC", [], "30 00 09 00", "B0 00 09 08" },
        { "analog on output pin", ["10 00 01 04 03"], "30 00 09 04", "B0 00 09 06" },
        { "analog on reserved pin", [], "30 00 09 06", "B0 00 09 04" },

        { "pwm set", [], "31 00 09 02 00 00 03 E8 13 88", "B1 00 09 00" },
        { "pwm frequency 0", [], "31 00 09 02 00 00 00 00 13 88", "B1 00 09 0E" },
        { "pwm frequency above int", [], "31 00 09 02 80 00 00 00 13 88", "B1 00 09 0E" },
        { "pwm at 40 MHz, the LEDC's top", [], "31 00 09 02 02 62 5A 00 13 88", "B1 00 09 00" },
        { "pwm above 40 MHz", [], "31 00 09 02 02 62 5A 01 13 88", "B1 00 09 0E" },
        { "pwm duty 10001", [], "31 00 09 02 00 00 03 E8 27 11", "B1 00 09 0E" },
        { "pwm duty 10000", [], "31 00 09 02 00 00 03 E8 27 10", "B1 00 09 00" },
        { "pwm on pin without PWM", [], "31 00 09 0A 00 00 03 E8 13 88", "B1 00 09 07" },
        { "pwm on input-only pin", [], "31 00 09 08 00 00 03 E8 13 88", "B1 00 09 07" },
        { "pwm on reserved pin", [], "31 00 09 06 00 00 03 E8 13 88", "B1 00 09 04" },
        { "pwm on pulsing pin", ["10 00 01 02 03", "14 00 01 02 01 00 00 EA 60"], "31 00 09 02 00 00 03 E8 13 88", "B1 00 09 0F" },
        { "pwm stop", ["31 00 01 02 00 00 03 E8 13 88"], "32 00 09 02", "B2 00 09 00" },
        { "pwm stop when not running", [], "32 00 09 02", "B2 00 09 00" },
        { "pwm stop on pin without PWM", [], "32 00 09 0A", "B2 00 09 07" },
        { "write after pwm", ["31 00 01 02 00 00 03 E8 13 88"], "11 00 09 02 01", "91 00 09 06" },

        { "i2c scan", [], "43 00 09", "C3 00 09 00 01 76" },
        { "i2c write-read chip id", [], "42 00 09 76 01 D0", "C2 00 09 00 60" },
        { "i2c write-read two registers", [], "42 00 09 76 02 D0", "C2 00 09 00 60 00" },
        { "i2c write absent device", [], "40 00 09 50 00", "C0 00 09 09" },
        { "i2c read absent device", [], "41 00 09 50 04", "C1 00 09 09" },
        { "i2c write address 0x07", [], "40 00 09 07 00", "C0 00 09 0E" },
        { "i2c read address 0x78", [], "41 00 09 78 01", "C1 00 09 0E" },
        { "i2c read zero bytes", [], "41 00 09 76 00", "C1 00 09 0E" },
        { "i2c write-read zero bytes", [], "42 00 09 76 00 D0", "C2 00 09 0E" },

        { "internal temperature", [], "50 00 09 00", "D0 00 09 00 00 00 11 A0" },
        { "internal temperature, address ignored", [], "50 00 09 00 77", "D0 00 09 00 00 00 11 A0" },
        { "bme280 at 0x77 absent", [], "50 00 09 01 77", "D0 00 09 0B" },
        { "bme280 at 0x10", [], "50 00 09 01 10", "D0 00 09 0E" },
        { "unknown sensor", [], "50 00 09 02", "D0 00 09 0E" },

        { "failsafe low", ["10 00 01 02 03"], "60 00 09 02 00", "E0 00 09 00" },
        { "failsafe low on pwm", ["31 00 01 02 00 00 03 E8 13 88"], "60 00 09 02 00", "E0 00 09 00" },
        { "failsafe on an unconfigured pin", [], "60 00 09 02 00", "E0 00 09 06" },
        { "failsafe on an input", ["10 00 01 02 00"], "60 00 09 02 01", "E0 00 09 06" },
        { "failsafe clear", [], "60 00 09 02 FF", "E0 00 09 00" },
        { "failsafe level 2", [], "60 00 09 02 02", "E0 00 09 0E" },
        { "failsafe on input-only pin", [], "60 00 09 09 01", "E0 00 09 05" },
        { "failsafe on reserved pin", [], "60 00 09 06 01", "E0 00 09 04" },
        { "failsafe on missing pin", [], "60 00 09 07 01", "E0 00 09 03" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Request_gets_its_reply(string name, string[] scene, string request, string reply)
    {
        using var device = new TestDevice();
        var replies = device.Exchange([.. scene, request]);

        Assert.Equal(scene.Length + 1, replies.Count);
        for (int i = 0; i < scene.Length; i++)
        {
            Assert.True(replies[i][3] == 0, name + ": scene request " + i + " failed: " + Hex.Format(replies[i]));
        }

        Assert.Equal(reply, Hex.Format(replies[^1]));
    }
}
