using System;

namespace NanoTlv.Messages
{
    /// <summary>
    /// The one list of commands: for each opcode its name, the argument lengths it accepts, whether it needs an
    /// authenticated connection and how much reply data an OK reply carries; and for each sensor kind its name,
    /// its reply size and its default I2C address. The device's dispatcher and handlers, the host client and the
    /// test models all read it: a size written here is written nowhere else.
    /// Tables are built once, in the static constructor; look-ups allocate nothing.
    /// </summary>
    public static class MessageCatalog
    {
        /// <summary>Argument length limit meaning "up to whatever the frame holds".</summary>
        public const int Unbounded = FrameArgumentLimit;

        /// <summary>Reply-size marker: the reply data is the request's arguments (PING).</summary>
        public const int EchoesArguments = -1;

        /// <summary>HELLO reply data before the device name: version u8, max_payload u16, capabilities u32,
        /// fw_major u8, fw_minor u8, fw_patch u8, authenticated u8, name_len u8.</summary>
        public const int HelloFixedReplyBytes = 12;

        /// <summary>Offset of the authenticated byte in the HELLO reply data.</summary>
        public const int HelloAuthenticatedOffset = 10;

        /// <summary>Offset of name_len in the HELLO reply data.</summary>
        public const int HelloNameLengthOffset = 11;

        /// <summary>INFO reply data: ten u32 counters, clients u8, max_clients u8, failed_auth u32, rejected u32.</summary>
        public const int InfoReplyBytes = (10 * 4) + 2 + (2 * 4);

        /// <summary>CAPS reply data before the pin entries: pin_count u8.</summary>
        public const int CapsHeaderBytes = 1;

        /// <summary>One CAPS pin entry: pin u8, capabilities u16, adc_channel u8, reservation u8.</summary>
        public const int CapsEntryBytes = 5;

        /// <summary>Most pins CAPS lists (pin_count is a u8).</summary>
        public const int MaxCapsPins = 255;

        /// <summary>CAPS reply data between the pin entries and the sensor entries: sensor_count u8.</summary>
        public const int CapsSensorHeaderBytes = 1;

        /// <summary>One CAPS sensor entry: kind u8 (<see cref="SensorKind"/>), default_address u8
        /// (<see cref="NotOnI2cBus"/> for a sensor that is not on the I2C bus).</summary>
        public const int CapsSensorEntryBytes = 2;

        /// <summary>DIGITAL_READ and DIGITAL_TOGGLE reply data: level u8.</summary>
        public const int LevelReplyBytes = 1;

        /// <summary>ANALOG_READ reply data: raw u16, resolution_bits u8, millivolts u16.</summary>
        public const int AnalogReplyBytes = 5;

        /// <summary>I2C_SCAN reply data before the addresses: count u8.</summary>
        public const int ScanHeaderBytes = 1;

        /// <summary>Default-address marker of a sensor that is not on the I2C bus.</summary>
        public const int NotOnI2cBus = 0;

        private const int FrameArgumentLimit = 65535 - MessageHeader.RequestHeaderBytes;
        private const int TableSize = 256;
        private const int SensorTableSize = 256;
        private const int InternalTemperatureReplyBytes = 4;
        private const int Bme280ReplyBytes = 12;

        private static readonly bool[] Known = new bool[TableSize];
        private static readonly int[] MinArguments = new int[TableSize];
        private static readonly int[] MaxArguments = new int[TableSize];
        private static readonly bool[] OpenWithoutToken = new bool[TableSize];
        private static readonly string[] Names = new string[TableSize];
        private static readonly int[] MaxReplyData = new int[TableSize];
        private static readonly bool[] FixedReplyData = new bool[TableSize];
        private static readonly Opcode[] AllOpcodes;
        private static readonly bool[] KnownSensors = new bool[SensorTableSize];
        private static readonly string[] SensorNames = new string[SensorTableSize];
        private static readonly int[] SensorReplyData = new int[SensorTableSize];
        private static readonly int[] SensorAddresses = new int[SensorTableSize];
        private static readonly SensorKind[] AllSensors;
        private static readonly int LargestSensorReply;

        static MessageCatalog()
        {
            AllOpcodes = new Opcode[]
            {
                Opcode.Hello, Opcode.Ping, Opcode.Info, Opcode.Caps,
                Opcode.PinMode, Opcode.DigitalWrite, Opcode.DigitalRead, Opcode.DigitalToggle, Opcode.Pulse,
                Opcode.Subscribe, Opcode.Unsubscribe,
                Opcode.AnalogRead, Opcode.PwmSet, Opcode.PwmStop,
                Opcode.I2cWrite, Opcode.I2cRead, Opcode.I2cWriteRead, Opcode.I2cScan,
                Opcode.SensorRead, Opcode.Failsafe,
            };

            // Sensors first: SENSOR_READ's largest reply is the largest sensor reply.
            AllSensors = new SensorKind[] { SensorKind.InternalTemperature, SensorKind.Bme280 };
            DefineSensor(SensorKind.InternalTemperature, "internal", InternalTemperatureReplyBytes, NotOnI2cBus);
            DefineSensor(SensorKind.Bme280, "bme280", Bme280ReplyBytes, ProtocolLimits.Bme280PrimaryAddress);
            for (int i = 0; i < AllSensors.Length; i++)
            {
                int bytes = SensorReplyData[(int)AllSensors[i]];
                LargestSensorReply = bytes > LargestSensorReply ? bytes : LargestSensorReply;
            }

            // opcode, name, fewest and most argument bytes, needs a token, most reply data bytes, reply always that long.
            Define(Opcode.Hello, "HELLO", 2, 2 + ProtocolLimits.MaxTokenBytes, false, HelloFixedReplyBytes + ProtocolLimits.MaxDeviceNameBytes, false);
            Define(Opcode.Ping, "PING", 0, Unbounded, false, EchoesArguments, false);
            Define(Opcode.Info, "INFO", 0, 0, true, InfoReplyBytes, true);
            Define(Opcode.Caps, "CAPS", 0, 0, true, CapsReplyBytes(MaxCapsPins, AllSensors.Length), false);
            Define(Opcode.PinMode, "PIN_MODE", 2, 2, true, 0, true);
            Define(Opcode.DigitalWrite, "DIGITAL_WRITE", 2, 2, true, 0, true);
            Define(Opcode.DigitalRead, "DIGITAL_READ", 1, 1, true, LevelReplyBytes, true);
            Define(Opcode.DigitalToggle, "DIGITAL_TOGGLE", 1, 1, true, LevelReplyBytes, true);
            Define(Opcode.Pulse, "PULSE", 6, 6, true, 0, true);
            Define(Opcode.Subscribe, "SUBSCRIBE", 4, 4, true, 0, true);
            Define(Opcode.Unsubscribe, "UNSUBSCRIBE", 1, 1, true, 0, true);
            Define(Opcode.AnalogRead, "ANALOG_READ", 1, 1, true, AnalogReplyBytes, true);
            Define(Opcode.PwmSet, "PWM_SET", 7, 7, true, 0, true);
            Define(Opcode.PwmStop, "PWM_STOP", 1, 1, true, 0, true);
            Define(Opcode.I2cWrite, "I2C_WRITE", 2, 256, true, 0, true);
            Define(Opcode.I2cRead, "I2C_READ", 2, 2, true, ProtocolLimits.MaxI2cReadBytes, false);
            Define(Opcode.I2cWriteRead, "I2C_WRITE_READ", 3, 257, true, ProtocolLimits.MaxI2cReadBytes, false);
            Define(Opcode.I2cScan, "I2C_SCAN", 0, 0, true, ScanHeaderBytes + (ProtocolLimits.LastI2cAddress - ProtocolLimits.FirstI2cAddress + 1), false);
            Define(Opcode.SensorRead, "SENSOR_READ", 1, 2, true, LargestSensorReply, false);
            Define(Opcode.Failsafe, "FAILSAFE", 2, 2, true, 0, true);
        }

        /// <summary>Every opcode of the protocol, in catalogue order. Do not modify the returned array.</summary>
        public static Opcode[] Opcodes => AllOpcodes;

        /// <summary>True when <paramref name="opcode"/> is a command of this protocol.</summary>
        /// <param name="opcode">The first byte of a request.</param>
        /// <returns>Whether it is known.</returns>
        public static bool IsKnown(byte opcode) => Known[opcode];

        /// <summary>The command's protocol name, e.g. "DIGITAL_WRITE"; "UNKNOWN" for other bytes.</summary>
        /// <param name="opcode">The opcode byte.</param>
        /// <returns>The name.</returns>
        public static string NameOf(byte opcode) => Known[opcode] ? Names[opcode] : "UNKNOWN";

        /// <summary>Fewest argument bytes the command takes.</summary>
        /// <param name="opcode">A known opcode.</param>
        /// <returns>The minimum.</returns>
        public static int MinArgumentBytes(byte opcode) => MinArguments[opcode];

        /// <summary>Most argument bytes the command takes (<see cref="Unbounded"/> for PING).</summary>
        /// <param name="opcode">A known opcode.</param>
        /// <returns>The maximum.</returns>
        public static int MaxArgumentBytes(byte opcode) => MaxArguments[opcode];

        /// <summary>True when the command is refused with <see cref="StatusCode.NotAuthenticated"/> until the
        /// connection has presented the configured token (everything but HELLO and PING).</summary>
        /// <param name="opcode">A known opcode.</param>
        /// <returns>Whether a token is needed.</returns>
        public static bool RequiresAuthentication(byte opcode) => Known[opcode] && !OpenWithoutToken[opcode];

        /// <summary>True when <paramref name="argumentBytes"/> is a valid argument length for the command.</summary>
        /// <param name="opcode">The opcode byte.</param>
        /// <param name="argumentBytes">Bytes after the request header.</param>
        /// <returns>Whether the length is accepted.</returns>
        public static bool AcceptsArgumentLength(byte opcode, int argumentBytes) =>
            Known[opcode] && argumentBytes >= MinArguments[opcode] && argumentBytes <= MaxArguments[opcode];

        /// <summary>Most data bytes an OK reply to the command carries, or <see cref="EchoesArguments"/> for PING
        /// (as many as its arguments). For HELLO, CAPS and SENSOR_READ the actual size depends on the device name,
        /// the board and the sensor: see <see cref="HasFixedReplySize"/>.</summary>
        /// <param name="opcode">A known opcode.</param>
        /// <returns>The maximum.</returns>
        public static int MaxReplyDataBytes(byte opcode) => MaxReplyData[opcode];

        /// <summary>True when every OK reply to the command carries exactly <see cref="MaxReplyDataBytes"/> data bytes.</summary>
        /// <param name="opcode">A known opcode.</param>
        /// <returns>Whether the reply size is fixed.</returns>
        public static bool HasFixedReplySize(byte opcode) => Known[opcode] && FixedReplyData[opcode];

        /// <summary>CAPS reply data for a board listing <paramref name="pins"/> pins and <paramref name="sensors"/> sensors.</summary>
        /// <param name="pins">Pins listed (0..<see cref="MaxCapsPins"/>).</param>
        /// <param name="sensors">Sensors listed (at most the catalogue's <see cref="Sensors"/>: a device reads only catalogue kinds).</param>
        /// <returns>Bytes of reply data.</returns>
        public static int CapsReplyBytes(int pins, int sensors) =>
            CapsSensorsOffset(pins) + CapsSensorHeaderBytes + (sensors * CapsSensorEntryBytes);

        /// <summary>Offset of sensor_count in the CAPS reply data of a board listing <paramref name="pins"/> pins.</summary>
        /// <param name="pins">Pins listed.</param>
        /// <returns>The offset: the bytes of the pin list.</returns>
        public static int CapsSensorsOffset(int pins) => CapsHeaderBytes + (pins * CapsEntryBytes);

        /// <summary>Every sensor kind of the protocol, in catalogue order. Do not modify the returned array.</summary>
        public static SensorKind[] Sensors => AllSensors;

        /// <summary>True when <paramref name="sensor"/> is a sensor kind of this protocol.</summary>
        /// <param name="sensor">The sensor byte of SENSOR_READ.</param>
        /// <returns>Whether it is known.</returns>
        public static bool IsKnownSensor(byte sensor) => KnownSensors[sensor];

        /// <summary>The sensor's short name, e.g. "bme280"; "unknown" for other bytes.</summary>
        /// <param name="sensor">The sensor byte.</param>
        /// <returns>The name.</returns>
        public static string SensorNameOf(byte sensor) => KnownSensors[sensor] ? SensorNames[sensor] : "unknown";

        /// <summary>Data bytes of an OK SENSOR_READ reply for the sensor.</summary>
        /// <param name="sensor">A known sensor byte.</param>
        /// <returns>The reply size.</returns>
        public static int SensorReplyBytes(byte sensor) => SensorReplyData[sensor];

        /// <summary>The I2C address SENSOR_READ uses when its address argument is 0 or absent, or
        /// <see cref="NotOnI2cBus"/>.</summary>
        /// <param name="sensor">A known sensor byte.</param>
        /// <returns>The 7-bit address.</returns>
        public static int SensorDefaultAddress(byte sensor) => SensorAddresses[sensor];

        private static void DefineSensor(SensorKind sensor, string name, int replyBytes, int defaultAddress)
        {
            int index = (int)sensor;
            if (KnownSensors[index])
            {
                throw new InvalidOperationException("Sensor " + index + " is defined twice.");
            }

            KnownSensors[index] = true;
            SensorNames[index] = name;
            SensorReplyData[index] = replyBytes;
            SensorAddresses[index] = defaultAddress;
        }

        private static void Define(Opcode opcode, string name, int minArguments, int maxArguments, bool requiresToken, int maxReplyBytes, bool fixedReply)
        {
            int index = (int)opcode;
            if (Known[index])
            {
                throw new InvalidOperationException("Opcode " + index + " is defined twice.");
            }

            Known[index] = true;
            Names[index] = name;
            MinArguments[index] = minArguments;
            MaxArguments[index] = maxArguments;
            OpenWithoutToken[index] = !requiresToken;
            MaxReplyData[index] = maxReplyBytes;
            FixedReplyData[index] = fixedReply;
        }
    }
}
