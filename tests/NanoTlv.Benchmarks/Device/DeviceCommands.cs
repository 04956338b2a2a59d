using System.Collections.Generic;
using System.Linq;
using NanoTlv.Firmware;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Benchmarks.Device;

/// <summary>
/// The requests the dispatch benchmarks and the allocation budget send to a virtual ESP32 DevKit, one per
/// command of the protocol, with the pins they use prepared by <see cref="Setup"/>.
/// </summary>
public static class DeviceCommands
{
    /// <summary>Output pin for DIGITAL_WRITE, DIGITAL_TOGGLE, PULSE and FAILSAFE.</summary>
    public const byte OutputPin = 23;

    /// <summary>Input-only pin for DIGITAL_READ and SUBSCRIBE.</summary>
    public const byte InputPin = 35;

    /// <summary>ADC1 channel 6.</summary>
    public const byte AnalogPin = 34;

    /// <summary>A PWM-capable pin.</summary>
    public const byte PwmPin = 18;

    /// <summary>Where the virtual board's BME280 answers.</summary>
    public const byte Bme280Address = 0x76;

    /// <summary>Bytes I2C_READ reads.</summary>
    public const byte I2cReadBytes = 8;

    /// <summary>PING's payload length, the same as the end-to-end PING.</summary>
    public const int PingPayloadBytes = 8;

    private const byte ChipIdRegister = 0xD0;
    private const uint PwmFrequencyHz = 1000;
    private const ushort HalfDuty = ProtocolLimits.FullDuty / 2;
    private const uint LongPulseMs = 60000;

    public static readonly DeviceCommand Hello = Command(nameof(Hello), "HELLO (no token)", Opcode.Hello, [ProtocolLimits.ProtocolVersion, 0], MessageCatalog.HelloFixedReplyBytes + DeviceOptions.DefaultDeviceName.Length);

    public static readonly DeviceCommand Ping = Command(nameof(Ping), $"PING ({PingPayloadBytes} B)", Opcode.Ping, [1, 2, 3, 4, 5, 6, 7, 8], PingPayloadBytes, zeroRequired: true);

    public static readonly DeviceCommand Info = Command(nameof(Info), "INFO", Opcode.Info, [], MessageCatalog.InfoReplyBytes);

    public static readonly DeviceCommand Caps = Command(nameof(Caps), "CAPS", Opcode.Caps, [], MessageCatalog.CapsReplyBytes(ListedPins(Esp32DevKitBoard.Create()), MessageCatalog.Sensors.Length));

    public static readonly DeviceCommand PinModeOutput = Command(nameof(PinModeOutput), "PIN_MODE", Opcode.PinMode, [OutputPin, (byte)PinMode.Output], 0);

    public static readonly DeviceCommand DigitalWrite = Command(nameof(DigitalWrite), "DIGITAL_WRITE", Opcode.DigitalWrite, [OutputPin, 1], 0, zeroRequired: true);

    public static readonly DeviceCommand DigitalRead = Command(nameof(DigitalRead), "DIGITAL_READ", Opcode.DigitalRead, [InputPin], MessageCatalog.LevelReplyBytes, zeroRequired: true);

    public static readonly DeviceCommand DigitalToggle = Command(nameof(DigitalToggle), "DIGITAL_TOGGLE", Opcode.DigitalToggle, [OutputPin], MessageCatalog.LevelReplyBytes, zeroRequired: true);

    public static readonly DeviceCommand Pulse = Command(nameof(Pulse), "PULSE (+ PIN_MODE ending it)", Opcode.Pulse, [OutputPin, 1, .. BigEndian32(LongPulseMs)], 0) with { Companions = [PinModeOutput] };

    public static readonly DeviceCommand Subscribe = Command(nameof(Subscribe), "SUBSCRIBE (again)", Opcode.Subscribe, [InputPin, (byte)PinEdges.Both, 0, 0], 0);

    public static readonly DeviceCommand Unsubscribe = Command(nameof(Unsubscribe), "UNSUBSCRIBE (+ SUBSCRIBE)", Opcode.Unsubscribe, [InputPin], 0) with { Companions = [Subscribe] };

    public static readonly DeviceCommand AnalogRead = Command(nameof(AnalogRead), "ANALOG_READ", Opcode.AnalogRead, [AnalogPin], MessageCatalog.AnalogReplyBytes, zeroRequired: true);

    public static readonly DeviceCommand PwmSet = Command(nameof(PwmSet), "PWM_SET", Opcode.PwmSet, [PwmPin, .. BigEndian32(PwmFrequencyHz), HalfDuty >> 8, HalfDuty & 0xFF], 0);

    public static readonly DeviceCommand PwmStop = Command(nameof(PwmStop), "PWM_STOP (+ PWM_SET)", Opcode.PwmStop, [PwmPin], 0) with { Companions = [PwmSet] };

    public static readonly DeviceCommand I2cWrite = Command(nameof(I2cWrite), "I2C_WRITE (1 B)", Opcode.I2cWrite, [Bme280Address, ChipIdRegister], 0);

    public static readonly DeviceCommand I2cRead = Command(nameof(I2cRead), $"I2C_READ ({I2cReadBytes} B, BME280)", Opcode.I2cRead, [Bme280Address, I2cReadBytes], I2cReadBytes);

    public static readonly DeviceCommand I2cWriteRead = Command(nameof(I2cWriteRead), "I2C_WRITE_READ (chip id)", Opcode.I2cWriteRead, [Bme280Address, 1, ChipIdRegister], 1);

    public static readonly DeviceCommand I2cScan = Command(nameof(I2cScan), "I2C_SCAN (112 probes)", Opcode.I2cScan, [], 2);

    public static readonly DeviceCommand SensorReadInternal = Command(nameof(SensorReadInternal), "SENSOR_READ internal", Opcode.SensorRead, [(byte)SensorKind.InternalTemperature], MessageCatalog.SensorReplyBytes((byte)SensorKind.InternalTemperature));

    public static readonly DeviceCommand SensorReadBme280 = Command(nameof(SensorReadBme280), "SENSOR_READ bme280", Opcode.SensorRead, [(byte)SensorKind.Bme280, Bme280Address], MessageCatalog.SensorReplyBytes((byte)SensorKind.Bme280));

    public static readonly DeviceCommand Failsafe = Command(nameof(Failsafe), "FAILSAFE", Opcode.Failsafe, [OutputPin, 0], 0);

    /// <summary>Requests that prepare the pins: the output pin as an output, the input pin as an input.</summary>
    public static DeviceCommand[] Setup { get; } =
    [
        PinModeOutput,
        Command("PinModeInput", "PIN_MODE input", Opcode.PinMode, [InputPin, (byte)PinMode.Input], 0),
    ];

    /// <summary>The commands the dispatch benchmarks time (the list).</summary>
    public static DeviceCommand[] Timed { get; } =
        [Ping, Info, Caps, DigitalWrite, DigitalRead, DigitalToggle, AnalogRead, PwmSet, I2cRead, SensorReadBme280];

    /// <summary>Every command of the protocol, in catalogue order (the allocation budget).</summary>
    public static DeviceCommand[] All { get; } =
    [
        Hello, Ping, Info, Caps, PinModeOutput, DigitalWrite, DigitalRead, DigitalToggle, Pulse, Subscribe, Unsubscribe,
        AnalogRead, PwmSet, PwmStop, I2cWrite, I2cRead, I2cWriteRead, I2cScan, SensorReadInternal, SensorReadBme280, Failsafe,
    ];

    /// <summary>The command with <paramref name="key"/>, if any.</summary>
    public static DeviceCommand? Find(string key) => All.FirstOrDefault(c => c.Key == key);

    /// <summary>True when the slow BME280 conversion (about 8 ms, the datasheet's typical time) is part of the command.</summary>
    public static bool IsSlow(DeviceCommand command) => command == SensorReadBme280;

    private static DeviceCommand Command(string key, string label, Opcode opcode, byte[] arguments, int replyDataBytes, bool zeroRequired = false) =>
        new(key, label, opcode, arguments, replyDataBytes, zeroRequired);

    private static byte[] BigEndian32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static int ListedPins(BoardDescription board) =>
        Enumerable.Range(0, board.PinCount).Count(pin => board.GetPin(pin) != null);
}
