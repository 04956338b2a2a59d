using NanoTlv.Framing;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;

namespace NanoTlv.Reliability.Tests.Torture;

/// <summary>
/// One connection's worth of torture input and the exact device output it must produce: good requests mixed
/// with injected faults whose outcome is computable.
/// </summary>
/// <remarks>
/// Faults and what the device must answer:
/// <list type="bullet">
/// <item>garbage run (1..64 bytes, none 0x72) between frames: one FramingError/GarbageSkipped with the run length,
/// reported when the next marker arrives (so a run is always followed by a frame);</item>
/// <item>oversized frame (header length above the device maximum, then that many bytes, markers included):
/// FramingError/FrameTooLarge (announced, max), the bytes discarded;</item>
/// <item>payload too short for a request (0..2 bytes): FramingError/MalformedRequest (length);</item>
/// <item>truncated-then-filled frame: a PING whose header announces more than the request holds, the missing
/// bytes filled with non-marker garbage: the device takes the filler as arguments and echoes it;</item>
/// <item>truncated frame at the end of the connection (mid-header or mid-payload, then the client half-closes):
/// no answer at all;</item>
/// <item>unknown opcode, wrong argument length: the matching error reply.</item>
/// </list>
/// Good requests: PINGs with random payloads (0x72 included, some up to the maximum), and DIGITAL_WRITE / READ /
/// TOGGLE on one output pin whose level the script tracks.
/// </remarks>
public sealed class TortureScript
{
    private const int MaxGarbageRun = 64;
    private const int MaxOversizeExcess = 3000;

    private readonly Random _random;
    private readonly int _maxPayloadBytes;
    private readonly int _pin;
    private readonly List<byte> _stream = new();
    private readonly List<byte[]> _expected = new();
    private bool _level;
    private bool _lastWasGarbage;
    private ushort _nextId;

    public TortureScript(Random random, int maxPayloadBytes, int outputPin, ushort firstId)
    {
        _random = random;
        _maxPayloadBytes = maxPayloadBytes;
        _pin = outputPin;
        _nextId = firstId;
    }

    public byte[] Stream => _stream.ToArray();

    public int StreamLength => _stream.Count;

    /// <summary>Every payload the device must send, in order.</summary>
    public List<byte[]> Expected => _expected;

    public int GoodRequests { get; private set; }

    public int GarbageRuns { get; private set; }

    public long GarbageBytes { get; private set; }

    public int OversizedFrames { get; private set; }

    public int ShortPayloads { get; private set; }

    public int FilledTruncations { get; private set; }

    public int ErrorReplies { get; private set; }

    /// <summary>Frames the device delivers to its dispatcher or reports as malformed (not oversized ones).</summary>
    public int FramesDelivered => GoodRequests + ShortPayloads;

    public bool EndsTruncated { get; private set; }

    /// <summary>Appends <paramref name="items"/> random items, then a closing PING (so no garbage run is left unreported).</summary>
    public void AddItems(int items)
    {
        if (_expected.Count == 0)
        {
            AddRequest(Opcode.PinMode, Wire.Reply(Opcode.PinMode, _nextId, StatusCode.Ok), (byte)_pin, (byte)PinMode.Output);
            _level = false;
            AddRequest(Opcode.DigitalWrite, Wire.Reply(Opcode.DigitalWrite, _nextId, StatusCode.Ok), (byte)_pin, 0);
        }

        for (int i = 0; i < items; i++)
        {
            AddRandomItem();
        }

        AddPing(_random.Next(0, 16));
    }

    /// <summary>Ends the stream inside a frame: mid-header or mid-payload. The device must not answer it.</summary>
    public void AddTruncatedTail()
    {
        byte[] frame = Hex.Frame(Wire.Request(Opcode.Ping, NextId(), RandomBytes(_random.Next(1, 64), allowMarker: true)));
        int keep = _random.Next(1, frame.Length);
        _stream.AddRange(frame.AsSpan(0, keep).ToArray());
        EndsTruncated = true;
    }

    private void AddRandomItem()
    {
        int roll = _random.Next(100);
        if (roll < 6 && !_lastWasGarbage)
        {
            AddGarbage();
            return;
        }

        _lastWasGarbage = false;
        if (roll < 10)
        {
            AddOversized();
        }
        else if (roll < 13)
        {
            AddShortPayload();
        }
        else if (roll < 16)
        {
            AddFilledTruncation();
        }
        else if (roll < 18)
        {
            AddUnknownOpcode();
        }
        else if (roll < 20)
        {
            AddBadLength();
        }
        else if (roll < 30)
        {
            AddDigital();
        }
        else
        {
            AddPing(_random.Next(100) < 3 ? _random.Next(0, _maxPayloadBytes - MessageHeader.RequestHeaderBytes + 1) : _random.Next(0, 48));
        }
    }

    private void AddPing(int argumentBytes)
    {
        byte[] data = RandomBytes(argumentBytes, allowMarker: true);
        ushort id = _nextId;
        AddRequest(Opcode.Ping, Wire.Reply(Opcode.Ping, id, StatusCode.Ok, data), data);
    }

    private void AddDigital()
    {
        ushort id = _nextId;
        switch (_random.Next(3))
        {
            case 0:
                bool high = _random.Next(2) == 1;
                _level = high;
                AddRequest(Opcode.DigitalWrite, Wire.Reply(Opcode.DigitalWrite, id, StatusCode.Ok), (byte)_pin, high ? (byte)1 : (byte)0);
                break;
            case 1:
                AddRequest(Opcode.DigitalRead, Wire.Reply(Opcode.DigitalRead, id, StatusCode.Ok, _level ? (byte)1 : (byte)0), (byte)_pin);
                break;
            default:
                _level = !_level;
                AddRequest(Opcode.DigitalToggle, Wire.Reply(Opcode.DigitalToggle, id, StatusCode.Ok, _level ? (byte)1 : (byte)0), (byte)_pin);
                break;
        }
    }

    private void AddUnknownOpcode()
    {
        byte opcode;
        do
        {
            opcode = (byte)_random.Next(0, 0x70);
        }
        while (MessageCatalog.IsKnown(opcode));

        ushort id = NextId();
        byte[] arguments = RandomBytes(_random.Next(0, 8), allowMarker: true);
        AppendFrame(Wire.Request(opcode, id, arguments));
        _expected.Add(Wire.Reply(opcode, id, StatusCode.UnknownOpcode));
        GoodRequests++;
        ErrorReplies++;
    }

    private void AddBadLength()
    {
        // DIGITAL_READ takes exactly one argument byte.
        ushort id = NextId();
        byte[] arguments = RandomBytes(_random.Next(2) == 0 ? 0 : _random.Next(2, 6), allowMarker: true);
        AppendFrame(Wire.Request(Opcode.DigitalRead, id, arguments));
        _expected.Add(Wire.Reply(Opcode.DigitalRead, id, StatusCode.BadLength));
        GoodRequests++;
        ErrorReplies++;
    }

    private void AddGarbage()
    {
        int length = _random.Next(1, MaxGarbageRun + 1);
        _stream.AddRange(RandomBytes(length, allowMarker: false));
        _expected.Add(Wire.GarbageSkippedEvent(length));
        GarbageRuns++;
        GarbageBytes += length;
        ErrorReplies++;
        _lastWasGarbage = true;
    }

    private void AddOversized()
    {
        int announced = _random.Next(_maxPayloadBytes + 1, Math.Min(FrameFormat.MaxEncodablePayloadBytes, _maxPayloadBytes + MaxOversizeExcess) + 1);
        _stream.Add(FrameFormat.Marker);
        _stream.Add((byte)(announced >> 8));
        _stream.Add((byte)announced);
        _stream.AddRange(RandomBytes(announced, allowMarker: true));
        _expected.Add(Wire.FrameTooLargeEvent(announced, _maxPayloadBytes));
        OversizedFrames++;
        ErrorReplies++;
    }

    private void AddShortPayload()
    {
        int length = _random.Next(0, MessageHeader.RequestHeaderBytes);
        AppendFrame(RandomBytes(length, allowMarker: true));
        _expected.Add(Wire.MalformedRequestEvent(length));
        ShortPayloads++;
        ErrorReplies++;
    }

    private void AddFilledTruncation()
    {
        // The request the client meant to send: PING with `sent` argument bytes; the header claims `sent + filler`.
        ushort id = NextId();
        byte[] sent = RandomBytes(_random.Next(0, 16), allowMarker: true);
        byte[] filler = RandomBytes(_random.Next(1, 32), allowMarker: false);
        byte[] request = Wire.Request(Opcode.Ping, id, sent);
        int announced = request.Length + filler.Length;
        _stream.Add(FrameFormat.Marker);
        _stream.Add((byte)(announced >> 8));
        _stream.Add((byte)announced);
        _stream.AddRange(request);
        _stream.AddRange(filler);
        _expected.Add(Wire.Reply(Opcode.Ping, id, StatusCode.Ok, [.. sent, .. filler]));
        GoodRequests++;
        FilledTruncations++;
    }

    private void AddRequest(Opcode opcode, byte[] expectedReply, params byte[] arguments)
    {
        ushort id = NextId();
        AppendFrame(Wire.Request(opcode, id, arguments));
        _expected.Add(expectedReply);
        GoodRequests++;
        _lastWasGarbage = false;
    }

    private void AppendFrame(byte[] payload) => _stream.AddRange(Hex.Frame(payload));

    private ushort NextId()
    {
        ushort id = _nextId;
        _nextId = (ushort)(_nextId == ushort.MaxValue ? 1 : _nextId + 1);
        return id;
    }

    private byte[] RandomBytes(int count, bool allowMarker)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        if (!allowMarker)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == FrameFormat.Marker)
                {
                    bytes[i] = (byte)(FrameFormat.Marker + 1 + _random.Next(0x80));
                }
            }
        }

        return bytes;
    }
}
