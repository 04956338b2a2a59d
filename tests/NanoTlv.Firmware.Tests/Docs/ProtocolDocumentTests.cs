using System.IO;
using System.Text.RegularExpressions;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Tests.Support;
using NanoTlv.VirtualDevice;
using Xunit;

namespace NanoTlv.Firmware.Tests.Docs;

/// <summary>
/// Runs every example of docs/protocol.md against the firmware core, byte for byte. An example is a fenced
/// block whose info string starts with <c>tlv</c>; each block is one connection to a fresh device (a virtual
/// ESP32 DevKit with the documented state: uptime frozen at 123456 ms, ADC channel 0 / GPIO 36 at raw 2048,
/// internal sensor 45.12 °C, BME280 at 0x76 measuring 21.5 °C, 101325 Pa, 45 %RH).
/// </summary>
/// <remarks>
/// Block lines: <c>→ hex</c> bytes the client sends (any bytes: frames, garbage, partial frames);
/// <c>← hex</c> the next whole frame the device sends; <c>! input PIN high|low</c> the outside world drives an input,
/// <c>! the I2C bus fails</c> and <c>! the ADC driver fails</c> inject faults;
/// lines indented under a → or ← line continue its hex; other lines (<c>#</c> comments) are ignored.
/// Info-string options: <c>token=TEXT</c> (AuthToken), <c>max-payload=N</c>, <c>full</c> (every connection slot is
/// already taken by other clients).
/// Blocks whose info string starts with <c>discovery</c> run against the board's discovery responder over a fake
/// datagram socket: <c>→ hex</c> one datagram arrives, <c>← hex</c> the next datagram the board sends (to the asker
/// after →, to the broadcast address after an action), <c>! the board starts</c>, <c>! the announce timer fires</c>,
/// <c>! N datagrams ignored so far</c>; option <c>token=TEXT</c>.
/// </remarks>
public sealed class ProtocolDocumentTests
{
    public const long DocumentedUptimeMs = 123456;

    private static readonly Regex BlockPattern = new(@"^```tlv(?<options>[^\n]*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);

    private static readonly Regex DiscoveryBlockPattern = new(@"^```discovery(?<options>[^\n]*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);

    private static readonly Regex IgnoredCountPattern = new(@"^! (?<count>\d+) datagrams? ignored so far$");

    public static TheoryData<int, string, string> Examples() => ExamplesOf(BlockPattern);

    public static TheoryData<int, string, string> DiscoveryExamples() => ExamplesOf(DiscoveryBlockPattern);

    [Fact]
    public void The_document_has_examples_of_every_opcode_every_event_and_every_status()
    {
        string document = ReadDocument();
        var received = new List<byte[]>();
        var sent = new List<byte[]>();
        foreach (Match block in BlockPattern.Matches(document))
        {
            foreach (var (kind, bytes) in ParseLines(block.Groups["body"].Value))
            {
                (kind == '→' ? sent : received).Add(bytes);
            }
        }

        var frames = received.Where(bytes => bytes.Length >= 7 && bytes[0] == 0x72).ToList();
        foreach (var opcode in NanoTlv.Messages.MessageCatalog.Opcodes)
        {
            Assert.Contains(sent, bytes => bytes.Length > 3 && bytes[0] == 0x72 && bytes[3] == (byte)opcode);
            Assert.Contains(frames, frame => frame[3] == ((byte)opcode | 0x80));
        }

        foreach (var code in Enum.GetValues<NanoTlv.Messages.EventCode>())
        {
            Assert.Contains(frames, frame => frame[3] == (byte)code);
        }

        foreach (var status in Enum.GetValues<NanoTlv.Messages.StatusCode>())
        {
            Assert.Contains(frames, frame => frame[6] == (byte)status);
        }
    }

    [Fact]
    public void Every_arrow_line_of_the_document_is_inside_a_checked_example()
    {
        string document = ReadDocument();
        int inBlocks = BlockPattern.Matches(document).Concat(DiscoveryBlockPattern.Matches(document)).Sum(block => ParseLines(block.Groups["body"].Value).Count);
        int everywhere = document.Split('\n').Count(line => line.TrimStart().StartsWith('→') || line.TrimStart().StartsWith('←'));

        Assert.True(inBlocks > 40, "too few examples: " + inBlocks);
        Assert.Equal(everywhere, inBlocks);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_runs_as_documented(int example, string options, string body)
    {
        using var device = CreateDevice(options, out bool full);
        var others = new List<PipeTransport>();
        if (full)
        {
            for (int i = 0; i < device.Options.MaxClients; i++)
            {
                var other = device.Connect();
                other.WriteFrame("02 00 01");
                Assert.Equal("82 00 01 00", Hex.Format(other.ReadFrame()));
                others.Add(other);
            }
        }

        var pipe = device.Connect();
        int step = 0;
        foreach (var (kind, bytes, action) in ParseSteps(body))
        {
            step++;
            switch (kind)
            {
                case '→':
                    pipe.Write(bytes);
                    break;
                case '←':
                    string actual = Hex.Format(Hex.Frame(pipe.ReadFrame()));
                    Assert.True(Hex.Format(bytes) == actual, "example " + example + ", step " + step + ":\nexpected " + Hex.Format(bytes) + "\nactual   " + actual);
                    break;
                default:
                    Act(device, action);
                    break;
            }
        }

        Assert.True(pipe.NothingWithin(TimeSpan.FromMilliseconds(50)), "example " + example + ": the device sent more frames than documented");
        pipe.CloseFromClient();
        others.ForEach(other => other.CloseFromClient());
    }

    [Theory]
    [MemberData(nameof(DiscoveryExamples))]
    public void Discovery_example_runs_as_documented(int example, string options, string body)
    {
        var clock = new VirtualSystemMonitor();
        clock.Freeze(DocumentedUptimeMs);
        var transport = new FakeDatagramTransport();
        var deviceOptions = Discovery.DiscoveryResponderTests.DocumentedOptions();
        foreach (string option in options.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] pair = option.Split('=', 2);
            deviceOptions.AuthToken = pair[0] == "token" ? pair[1] : throw new InvalidOperationException("Unknown discovery example option " + option + ".");
        }

        var announcement = NanoTlv.Firmware.Discovery.DeviceAnnouncement.From(
            deviceOptions, Hex.Parse(Discovery.DiscoveryResponderTests.DocumentedBoardIdHex), Discovery.DiscoveryResponderTests.DocumentedTcpPort);
        var responder = new NanoTlv.Firmware.Discovery.DiscoveryResponder(
            announcement, NanoTlv.Messages.DiscoveryFormat.DefaultAnnounceIntervalMs, transport, clock, new TestLog());
        const string Asker = "asker";
        string expectedDestination = Asker;
        int step = 0;
        foreach (var (kind, bytes, action) in ParseSteps(body))
        {
            step++;
            string where = "example " + example + ", step " + step;
            switch (kind)
            {
                case '→':
                    transport.Deliver(bytes, Asker);
                    responder.Step();
                    expectedDestination = Asker;
                    break;
                case '←':
                    Assert.True(transport.TryTakeSent(out string destination, out byte[] sent), where + ": the board sent nothing");
                    Assert.True(Hex.Format(bytes) == Hex.Format(sent), where + ":\nexpected " + Hex.Format(bytes) + "\nactual   " + Hex.Format(sent));
                    Assert.True(destination == expectedDestination, where + ": sent to " + destination + ", documented " + expectedDestination);
                    break;
                default:
                    expectedDestination = FakeDatagramTransport.BroadcastDestination;
                    Match ignored = IgnoredCountPattern.Match(action);
                    if (action == "! the board starts")
                    {
                        responder.Step();
                    }
                    else if (action == "! the announce timer fires")
                    {
                        clock.Advance(NanoTlv.Messages.DiscoveryFormat.DefaultAnnounceIntervalMs);
                        responder.Step();
                    }
                    else if (ignored.Success)
                    {
                        Assert.Equal(int.Parse(ignored.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture), responder.Counters.Ignored);
                    }
                    else
                    {
                        throw new InvalidOperationException("Unknown discovery example action: " + action);
                    }

                    break;
            }
        }

        Assert.False(transport.TryTakeSent(out _, out _), "example " + example + ": the board sent more datagrams than documented");
    }

    private static TheoryData<int, string, string> ExamplesOf(Regex pattern)
    {
        var data = new TheoryData<int, string, string>();
        int index = 0;
        foreach (Match block in pattern.Matches(ReadDocument()))
        {
            data.Add(++index, block.Groups["options"].Value.Trim(), block.Groups["body"].Value);
        }

        return data;
    }

    private static List<(char Kind, byte[] Bytes)> ParseLines(string body) =>
        ParseSteps(body).Where(step => step.Kind != '!').Select(step => (step.Kind, step.Bytes)).ToList();

    private static List<(char Kind, byte[] Bytes, string Action)> ParseSteps(string body)
    {
        var steps = new List<(char, byte[], string)>();
        foreach (string raw in body.Split('\n'))
        {
            string text = raw.TrimEnd();
            string trimmed = text.TrimStart();
            if (trimmed.StartsWith('→') || trimmed.StartsWith('←'))
            {
                steps.Add((trimmed[0], Hex.Parse(trimmed[1..].Trim()), ""));
            }
            else if (trimmed.StartsWith('!'))
            {
                steps.Add(('!', [], trimmed));
            }
            else if (text.StartsWith("  ", StringComparison.Ordinal) && trimmed.Length > 0 && steps.Count > 0 && IsHex(trimmed))
            {
                var (kind, bytes, action) = steps[^1];
                steps[^1] = (kind, [.. bytes, .. Hex.Parse(trimmed)], action);
            }
        }

        return steps;
    }

    private static void Act(TestDevice device, string action)
    {
        string[] parts = action.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 4 && parts[1] == "input")
        {
            device.Board.Digital.DriveInput(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts[3] == "high");
        }
        else if (action == "! the I2C bus fails")
        {
            device.Board.I2c.SimulateBusError = true;
        }
        else if (action == "! the ADC driver fails")
        {
            device.Board.Analog.SimulateFault = true;
        }
        else
        {
            throw new InvalidOperationException("Unknown example action: " + action);
        }
    }

    private static bool IsHex(string text) => text.Split(' ').All(part => part.Length == 2 && Uri.IsHexDigit(part[0]) && Uri.IsHexDigit(part[1]));

    private static TestDevice CreateDevice(string options, out bool full)
    {
        full = options.Split(' ').Contains("full");
        var device = new TestDevice(
            configure =>
            {
                configure.DeviceName = DeviceOptions.DefaultDeviceName;
                configure.FirmwareMajor = 1;
                configure.FirmwareMinor = 0;
                configure.FirmwarePatch = 0;
                foreach (string option in options.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    string[] pair = option.Split('=', 2);
                    switch (pair[0])
                    {
                        case "token":
                            configure.AuthToken = pair[1];
                            break;
                        case "max-payload":
                            configure.MaxPayloadBytes = int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture);
                            break;
                        case "full":
                            break;
                        default:
                            throw new InvalidOperationException("Unknown example option " + option + ".");
                    }
                }
            },
            Esp32DevKitBoard.Create());
        device.Board.System.Freeze(DocumentedUptimeMs);
        device.Board.System.InternalTemperatureCentiCelsius = 4512;
        device.Board.Analog.SetRaw(0, 2048);
        device.Board.Bme280.SetEnvironment(21.5, 101325, 45);
        return device;
    }

    private static string ReadDocument() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "protocol.md"));
}
