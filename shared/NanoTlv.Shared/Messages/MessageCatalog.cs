using System;

namespace NanoTlv.Messages
{
    /// <summary>
    /// The one list of commands: for each opcode its name, the argument lengths it accepts and whether it
    /// needs an authenticated connection. The device's dispatcher and the host client both read it.
    /// Tables are built once, in the static constructor; look-ups allocate nothing.
    /// </summary>
    public static class MessageCatalog
    {
        /// <summary>Argument length limit meaning "up to whatever the frame holds".</summary>
        public const int Unbounded = FrameArgumentLimit;

        private const int FrameArgumentLimit = 65535 - MessageLayout.RequestHeaderBytes;
        private const int TableSize = 256;

        private static readonly bool[] Known = new bool[TableSize];
        private static readonly int[] MinArguments = new int[TableSize];
        private static readonly int[] MaxArguments = new int[TableSize];
        private static readonly bool[] OpenWithoutToken = new bool[TableSize];
        private static readonly string[] Names = new string[TableSize];
        private static readonly Opcode[] AllOpcodes;

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

            Define(Opcode.Hello, "HELLO", 2, 2 + MessageLayout.MaxTokenBytes, false);
            Define(Opcode.Ping, "PING", 0, Unbounded, false);
            Define(Opcode.Info, "INFO", 0, 0, true);
            Define(Opcode.Caps, "CAPS", 0, 0, true);
            Define(Opcode.PinMode, "PIN_MODE", 2, 2, true);
            Define(Opcode.DigitalWrite, "DIGITAL_WRITE", 2, 2, true);
            Define(Opcode.DigitalRead, "DIGITAL_READ", 1, 1, true);
            Define(Opcode.DigitalToggle, "DIGITAL_TOGGLE", 1, 1, true);
            Define(Opcode.Pulse, "PULSE", 6, 6, true);
            Define(Opcode.Subscribe, "SUBSCRIBE", 4, 4, true);
            Define(Opcode.Unsubscribe, "UNSUBSCRIBE", 1, 1, true);
            Define(Opcode.AnalogRead, "ANALOG_READ", 1, 1, true);
            Define(Opcode.PwmSet, "PWM_SET", 7, 7, true);
            Define(Opcode.PwmStop, "PWM_STOP", 1, 1, true);
            Define(Opcode.I2cWrite, "I2C_WRITE", 2, 256, true);
            Define(Opcode.I2cRead, "I2C_READ", 2, 2, true);
            Define(Opcode.I2cWriteRead, "I2C_WRITE_READ", 3, 257, true);
            Define(Opcode.I2cScan, "I2C_SCAN", 0, 0, true);
            Define(Opcode.SensorRead, "SENSOR_READ", 1, 2, true);
            Define(Opcode.Failsafe, "FAILSAFE", 2, 2, true);
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

        private static void Define(Opcode opcode, string name, int minArguments, int maxArguments, bool requiresToken)
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
        }
    }
}
