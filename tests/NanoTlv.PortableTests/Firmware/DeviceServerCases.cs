using System;
using NanoTlv.Firmware;
using NanoTlv.Firmware.Board;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.PortableTests.Firmware
{
    /// <summary>
    /// Portable cases for the firmware core through its public API only: a <see cref="DeviceServer"/> on a
    /// fake ESP32 DevKit serves one scripted connection with <see cref="DeviceServer.ServeConnection"/>, and
    /// the case checks every frame it sent, byte for byte (layouts of docs/protocol.md), and the fake pins.
    /// </summary>
    public static class DeviceServerCases
    {
        private const int GeneralPin = 4;
        private const int OtherGeneralPin = 13;
        private const int FlashPin = 6;
        private const byte Low = 0;
        private const byte High = 1;
        private const byte UnassignedOpcode = 0x09;
        private const byte OutOfRangeOpcode = 0x7A;
        private const int GarbageBytes = 2;
        private const int HelloAuthenticatedOffset = 14;
        private const string Token = "s3cret";

        private static readonly byte[] NoData = new byte[0];

        /// <summary>The case names, for <see cref="Run"/>.</summary>
        public static string[] CaseNames => new string[]
        {
            nameof(PingEchoesItsBytesWithTheSameId),
            nameof(UnknownOpcodesAnsweredWithTheirReplyCode),
            nameof(WrongArgumentLengthAnsweredBadLength),
            nameof(PipelinedRequestsAnsweredInOrder),
            nameof(RequestsInOneByteChunksAnswered),
            nameof(GarbageReportedThenFrameAnswered),
            nameof(OversizedFrameReportedThenNextAnswered),
            nameof(ReservedPinRefused),
            nameof(OutputWriteDrivesThePin),
            nameof(FailsafeLevelsDrivenOnDisconnect),
            nameof(BootFailsafeDrivenAtStart),
            nameof(CommandsRefusedUntilAuthenticated),
        };

        /// <summary>Runs the case called <paramref name="caseName"/>.</summary>
        /// <param name="caseName">One of <see cref="CaseNames"/>.</param>
        public static void Run(string caseName)
        {
            switch (caseName)
            {
                case nameof(PingEchoesItsBytesWithTheSameId): PingEchoesItsBytesWithTheSameId(); break;
                case nameof(UnknownOpcodesAnsweredWithTheirReplyCode): UnknownOpcodesAnsweredWithTheirReplyCode(); break;
                case nameof(WrongArgumentLengthAnsweredBadLength): WrongArgumentLengthAnsweredBadLength(); break;
                case nameof(PipelinedRequestsAnsweredInOrder): PipelinedRequestsAnsweredInOrder(); break;
                case nameof(RequestsInOneByteChunksAnswered): RequestsInOneByteChunksAnswered(); break;
                case nameof(GarbageReportedThenFrameAnswered): GarbageReportedThenFrameAnswered(); break;
                case nameof(OversizedFrameReportedThenNextAnswered): OversizedFrameReportedThenNextAnswered(); break;
                case nameof(ReservedPinRefused): ReservedPinRefused(); break;
                case nameof(OutputWriteDrivesThePin): OutputWriteDrivesThePin(); break;
                case nameof(FailsafeLevelsDrivenOnDisconnect): FailsafeLevelsDrivenOnDisconnect(); break;
                case nameof(BootFailsafeDrivenAtStart): BootFailsafeDrivenAtStart(); break;
                case nameof(CommandsRefusedUntilAuthenticated): CommandsRefusedUntilAuthenticated(); break;
                default: throw new ArgumentException("No case named " + caseName + ".", nameof(caseName));
            }
        }

        /// <summary>PING answers OK with its argument bytes (a marker among them) and its request id.</summary>
        public static void PingEchoesItsBytesWithTheSameId()
        {
            byte[] echo = new byte[] { 0xAB, 0xCD, FrameFormat.Marker, 0x00, 0xEF };
            SentFrames sent = Device().ServeOneChunk(new RequestScript().Request(Opcode.Ping, 0x1234, echo));
            sent.CheckCount(1);
            sent.CheckReply(0, (byte)Opcode.Ping, 0x1234, StatusCode.Ok, echo);
        }

        /// <summary>An unassigned opcode gets its own reply code, one above 0x6F gets 0x80; both UnknownOpcode.</summary>
        public static void UnknownOpcodesAnsweredWithTheirReplyCode()
        {
            SentFrames sent = Device().ServeOneChunk(new RequestScript()
                .Request((Opcode)UnassignedOpcode, 3, new byte[] { 0x01 })
                .Request((Opcode)OutOfRangeOpcode, 4));
            sent.CheckCount(2);
            sent.CheckReply(0, UnassignedOpcode, 3, StatusCode.UnknownOpcode, NoData);
            sent.CheckReply(1, OutOfRangeOpcode, 4, StatusCode.UnknownOpcode, NoData);
            Check.Equal(0x89, sent.Payload(0)[0], "reply code of opcode 0x09");
            Check.Equal(MessageHeader.OutOfRangeOpcodeReplyCode, sent.Payload(1)[0], "reply code of byte 0x7A");
        }

        /// <summary>Too few and too many argument bytes are refused with BadLength before the pin is touched.</summary>
        public static void WrongArgumentLengthAnsweredBadLength()
        {
            TestDevice device = Device();
            SentFrames sent = device.ServeOneChunk(new RequestScript()
                .Request(Opcode.DigitalWrite, 1, new byte[] { GeneralPin })
                .Request(Opcode.PinMode, 2, new byte[] { GeneralPin, (byte)PinMode.Output, 0x00 })
                .Request(Opcode.DigitalRead, 3));
            sent.CheckCount(3);
            sent.CheckReply(0, (byte)Opcode.DigitalWrite, 1, StatusCode.BadLength, NoData);
            sent.CheckReply(1, (byte)Opcode.PinMode, 2, StatusCode.BadLength, NoData);
            sent.CheckReply(2, (byte)Opcode.DigitalRead, 3, StatusCode.BadLength, NoData);
            Check.Equal(FakeBoard.NoMode, device.Board.ModeOf(GeneralPin), "mode of GPIO 4");
            Check.Equal(0, device.Board.WritesOf(GeneralPin), "writes of GPIO 4");
        }

        /// <summary>Four requests in one chunk (docs/protocol.md, pipelining) get their four replies in request order.</summary>
        public static void PipelinedRequestsAnsweredInOrder()
        {
            SentFrames sent = Device().ServeOneChunk(new RequestScript()
                .Request(Opcode.Ping, 1)
                .Request(Opcode.Ping, 2, new byte[] { 0xAA })
                .Request((Opcode)UnassignedOpcode, 3)
                .Request(Opcode.DigitalRead, 4, new byte[] { GeneralPin }));
            sent.CheckCount(4);
            sent.CheckReply(0, (byte)Opcode.Ping, 1, StatusCode.Ok, NoData);
            sent.CheckReply(1, (byte)Opcode.Ping, 2, StatusCode.Ok, new byte[] { 0xAA });
            sent.CheckReply(2, UnassignedOpcode, 3, StatusCode.UnknownOpcode, NoData);
            sent.CheckReply(3, (byte)Opcode.DigitalRead, 4, StatusCode.WrongPinMode, NoData);
        }

        /// <summary>Requests that arrive one byte per receive are reassembled and answered.</summary>
        public static void RequestsInOneByteChunksAnswered()
        {
            byte[] stream = new RequestScript()
                .Request(Opcode.Ping, 7, new byte[] { 0x01, 0x02, 0x03 })
                .Request(Opcode.Ping, 8)
                .ToArray();
            SentFrames sent = Device().Serve(new ScriptedTransport().InChunks(stream, 1));
            sent.CheckCount(2);
            sent.CheckReply(0, (byte)Opcode.Ping, 7, StatusCode.Ok, new byte[] { 0x01, 0x02, 0x03 });
            sent.CheckReply(1, (byte)Opcode.Ping, 8, StatusCode.Ok, NoData);
        }

        /// <summary>Two garbage bytes before a frame: a FramingError event (GarbageSkipped, skipped 2), then the reply.</summary>
        public static void GarbageReportedThenFrameAnswered()
        {
            SentFrames sent = Device().ServeOneChunk(new RequestScript()
                .Raw(new byte[] { 0x13, 0x37 })
                .Request(Opcode.Ping, 1));
            sent.CheckCount(2);
            sent.CheckEvent(0, EventCode.FramingError, StatusCode.GarbageSkipped, UInt32Bytes(GarbageBytes));
            sent.CheckReply(1, (byte)Opcode.Ping, 1, StatusCode.Ok, NoData);
        }

        /// <summary>A header announcing one byte over the limit: FramingError (FrameTooLarge, announced and max),
        /// its bytes discarded (a marker among them), and the next frame answered.</summary>
        public static void OversizedFrameReportedThenNextAnswered()
        {
            int announced = TestDevice.MaxPayloadBytes + 1;
            byte[] header = new byte[FrameFormat.HeaderBytes];
            header[0] = FrameFormat.Marker;
            BigEndian.WriteUInt16(header, 1, announced);
            byte[] discarded = new byte[announced];
            discarded[announced - 2] = FrameFormat.Marker;
            SentFrames sent = Device().ServeOneChunk(new RequestScript()
                .Raw(header)
                .Raw(discarded)
                .Request(Opcode.Ping, 3));
            sent.CheckCount(2);
            byte[] data = new byte[4];
            BigEndian.WriteUInt16(data, 0, announced);
            BigEndian.WriteUInt16(data, 2, TestDevice.MaxPayloadBytes);
            sent.CheckEvent(0, EventCode.FramingError, StatusCode.FrameTooLarge, data);
            sent.CheckReply(1, (byte)Opcode.Ping, 3, StatusCode.Ok, NoData);
        }

        /// <summary>GPIO 6 (SPI flash) is refused with PinReserved and never reaches the driver.</summary>
        public static void ReservedPinRefused()
        {
            TestDevice device = Device();
            SentFrames sent = device.ServeOneChunk(new RequestScript()
                .Request(Opcode.PinMode, 3, new byte[] { FlashPin, (byte)PinMode.Output })
                .Request(Opcode.DigitalWrite, 4, new byte[] { FlashPin, High }));
            sent.CheckCount(2);
            sent.CheckReply(0, (byte)Opcode.PinMode, 3, StatusCode.PinReserved, NoData);
            sent.CheckReply(1, (byte)Opcode.DigitalWrite, 4, StatusCode.PinReserved, NoData);
            Check.Equal(FakeBoard.NoMode, device.Board.ModeOf(FlashPin), "mode of GPIO 6");
            Check.Equal(0, device.Board.WritesOf(FlashPin), "writes of GPIO 6");
        }

        /// <summary>PIN_MODE output then DIGITAL_WRITE 1 drives the pin high; DIGITAL_READ reads 1 back.</summary>
        public static void OutputWriteDrivesThePin()
        {
            TestDevice device = Device();
            SentFrames sent = device.ServeOneChunk(new RequestScript()
                .Request(Opcode.PinMode, 1, new byte[] { GeneralPin, (byte)PinMode.Output })
                .Request(Opcode.DigitalWrite, 2, new byte[] { GeneralPin, High })
                .Request(Opcode.DigitalRead, 3, new byte[] { GeneralPin }));
            sent.CheckCount(3);
            sent.CheckReply(0, (byte)Opcode.PinMode, 1, StatusCode.Ok, NoData);
            sent.CheckReply(1, (byte)Opcode.DigitalWrite, 2, StatusCode.Ok, NoData);
            sent.CheckReply(2, (byte)Opcode.DigitalRead, 3, StatusCode.Ok, new byte[] { High });
            Check.Equal((int)GpioMode.Output, device.Board.ModeOf(GeneralPin), "mode of GPIO 4");
            Check.True(device.Board.IsHigh(GeneralPin), "GPIO 4 is high");
        }

        /// <summary>Pins driven one way with the opposite FAILSAFE level take that level when the client disconnects.</summary>
        public static void FailsafeLevelsDrivenOnDisconnect()
        {
            TestDevice device = Device();
            SentFrames sent = device.ServeOneChunk(new RequestScript()
                .Request(Opcode.PinMode, 1, new byte[] { GeneralPin, (byte)PinMode.Output })
                .Request(Opcode.DigitalWrite, 2, new byte[] { GeneralPin, Low })
                .Request(Opcode.Failsafe, 3, new byte[] { GeneralPin, High })
                .Request(Opcode.PinMode, 4, new byte[] { OtherGeneralPin, (byte)PinMode.Output })
                .Request(Opcode.DigitalWrite, 5, new byte[] { OtherGeneralPin, High })
                .Request(Opcode.Failsafe, 6, new byte[] { OtherGeneralPin, Low }));
            sent.CheckCount(6);
            for (int i = 0; i < 6; i++)
            {
                Check.Equal((int)StatusCode.Ok, sent.Payload(i)[MessageHeader.StatusOffset], "status of reply " + i);
            }

            Check.Equal((int)GpioMode.Output, device.Board.ModeOf(GeneralPin), "mode of GPIO 4");
            Check.True(device.Board.IsHigh(GeneralPin), "GPIO 4 driven to its failsafe level 1");
            Check.Equal((int)GpioMode.Output, device.Board.ModeOf(OtherGeneralPin), "mode of GPIO 13");
            Check.True(!device.Board.IsHigh(OtherGeneralPin), "GPIO 13 driven to its failsafe level 0");
        }

        /// <summary>A failsafe level set in the options is driven when the server is created, before any connection.</summary>
        public static void BootFailsafeDrivenAtStart()
        {
            DeviceOptions options = TestDevice.Options();
            options.SetFailsafe(GeneralPin, true);
            TestDevice device = TestDevice.Start(options);
            Check.Equal((int)GpioMode.Output, device.Board.ModeOf(GeneralPin), "mode of GPIO 4");
            Check.True(device.Board.IsHigh(GeneralPin), "GPIO 4 driven to its boot level 1");
            Check.Equal(FakeBoard.NoMode, device.Board.ModeOf(OtherGeneralPin), "mode of GPIO 13 (no level)");
            device.Server.Stop();
        }

        /// <summary>With a token configured, DIGITAL_READ is NotAuthenticated before HELLO (PING is not); after HELLO
        /// with the token it runs (WrongPinMode: the pin is not configured).</summary>
        public static void CommandsRefusedUntilAuthenticated()
        {
            DeviceOptions options = TestDevice.Options();
            options.AuthToken = Token;
            SentFrames sent = TestDevice.Start(options).ServeOneChunk(new RequestScript()
                .Request(Opcode.DigitalRead, 1, new byte[] { GeneralPin })
                .Request(Opcode.Ping, 2)
                .Request(Opcode.Hello, 3, HelloArguments(Token))
                .Request(Opcode.DigitalRead, 4, new byte[] { GeneralPin }));
            sent.CheckCount(4);
            sent.CheckReply(0, (byte)Opcode.DigitalRead, 1, StatusCode.NotAuthenticated, NoData);
            sent.CheckReply(1, (byte)Opcode.Ping, 2, StatusCode.Ok, NoData);
            Check.Equal(MessageHeader.ReplyCodeFor((byte)Opcode.Hello), sent.Payload(2)[0], "HELLO reply code");
            Check.Equal((int)StatusCode.Ok, sent.Payload(2)[MessageHeader.StatusOffset], "HELLO status");
            Check.Equal(1, sent.Payload(2)[HelloAuthenticatedOffset], "HELLO authenticated flag");
            sent.CheckReply(3, (byte)Opcode.DigitalRead, 4, StatusCode.WrongPinMode, NoData);
        }

        private static TestDevice Device() => TestDevice.Start(TestDevice.Options());

        private static byte[] UInt32Bytes(int value)
        {
            byte[] bytes = new byte[4];
            BigEndian.WriteUInt32(bytes, 0, (uint)value);
            return bytes;
        }

        private static byte[] HelloArguments(string token)
        {
            byte[] arguments = new byte[2 + token.Length];
            arguments[0] = ProtocolLimits.ProtocolVersion;
            arguments[1] = (byte)token.Length;
            for (int i = 0; i < token.Length; i++)
            {
                arguments[2 + i] = (byte)token[i];
            }

            return arguments;
        }
    }
}
