using NanoTlv.Firmware;
using NanoTlv.Framing;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>
/// A device server on a virtual board that serves in-memory connections (no sockets, no accept loop):
/// <see cref="Check"/> runs one connection's bytes through the real session, extractor, dispatcher and
/// handlers, bounded by a timeout, and verifies every byte the device sent.
/// </summary>
/// <remarks>
/// The expected skeleton of the output comes from the <see cref="ReferenceDecoder"/>: for each frame it finds,
/// a reply (or a MalformedRequest event for a payload under 3 bytes); for each resync and oversized frame, the
/// matching FramingError event; nothing for a frame left unfinished. PinChanged events may come in between and
/// must be well formed. Replies are checked by <see cref="ReplyRules"/>. The device log must have no new error.
/// </remarks>
public sealed class FuzzDevice : IDisposable
{
    public const string Token = "fuzz-token-0123456789";
    public const int DefaultMaxPayloadBytes = 512;
    private static readonly TimeSpan SessionTimeout = TimeSpan.FromSeconds(20);

    private readonly VirtualBoard _board = new();

    public FuzzDevice(bool withToken, int maxPayloadBytes = DefaultMaxPayloadBytes)
    {
        Options = new DeviceOptions
        {
            DeviceName = "fuzz",
            MaxPayloadBytes = maxPayloadBytes,
            AuthToken = withToken ? Token : null,
            MaxClients = 1,

            // Wrong-token throttling (delays, closing, cool-down) has its own tests; here every HELLO's reply is
            // predicted exactly and thousands of connections run in seconds, so it is off.
            FailedHelloDelayMs = DeviceOptions.ThrottlingOff,
            MaxFailedHellosPerConnection = DeviceOptions.ThrottlingOff,
            MaxRecentFailedHellos = DeviceOptions.ThrottlingOff,
        };
        Server = new DeviceServer(_board.Services, Options, Log);
    }

    public DeviceOptions Options { get; }

    public DeviceServer Server { get; }

    public TestLog Log { get; } = new(capacity: 200);

    /// <summary>Replies seen per status, to show what the generated input reached.</summary>
    public Dictionary<StatusCode, long> StatusCounts { get; } = new();

    public long Connections { get; private set; }

    public string Coverage => Connections + " connections, " + StatusCounts.Values.Sum() + " replies/events: " +
        string.Join(", ", StatusCounts.OrderByDescending(p => p.Value).Select(p => p.Key + " " + p.Value));

    public void Check(byte[] stream, int[] chunkSizes)
    {
        long errorsBefore = Log.ErrorCount;
        var transport = new MemoryTransport(stream, chunkSizes);
        bool served = false;
        Exception? failure = null;
        var session = new Thread(() =>
        {
            try
            {
                served = Server.ServeConnection(transport);
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { IsBackground = true, Name = "fuzz session" };
        session.Start();
        if (!session.Join(SessionTimeout))
        {
            throw new TimeoutException("The session did not end within " + SessionTimeout.TotalSeconds + " s after the client closed (hang).");
        }

        if (failure != null)
        {
            throw new InvalidOperationException("ServeConnection threw: " + failure, failure);
        }

        Require(served, "the connection was rejected (a slot was not released)");
        Connections++;
        Require(transport.IsClosed, "the session did not close its connection");
        VerifyOutput(stream, transport.Sent);
        if (Log.ErrorCount != errorsBefore)
        {
            throw new InvalidOperationException("The device logged errors:" + Environment.NewLine + Log);
        }
    }

    public void Dispose()
    {
        Server.Stop();
        _board.Dispose();
    }

    private void VerifyOutput(byte[] input, byte[] output)
    {
        List<byte[]> frames = ParseOutput(output);
        var replies = new Queue<byte[]>();
        foreach (byte[] frame in frames)
        {
            if (Wire.IsPinChanged(frame))
            {
                CheckPinChanged(frame);
            }
            else
            {
                replies.Enqueue(frame);
            }
        }

        ReferenceDecoder expected = ReferenceDecoder.Decode(input, Options.MaxPayloadBytes, strict: false);
        var rules = new ReplyRules(Options.AuthToken);
        int index = 0;
        foreach (StreamEvent e in expected.Events)
        {
            Require(replies.Count > 0, "output " + index + ": nothing for " + e);
            byte[] actual = replies.Dequeue();
            if (actual.Length > MessageHeader.StatusOffset)
            {
                StatusCode status = Wire.StatusOf(actual);
                StatusCounts[status] = StatusCounts.GetValueOrDefault(status) + 1;
            }

            string? problem = e.Kind switch
            {
                FrameReadResult.Resynchronized => Same(Wire.GarbageSkippedEvent(e.Value), actual),
                FrameReadResult.FrameTooLarge => Same(Wire.FrameTooLargeEvent(e.Value, Options.MaxPayloadBytes), actual),
                _ when e.Payload.Length < MessageHeader.RequestHeaderBytes => Same(Wire.MalformedRequestEvent(e.Payload.Length), actual),
                _ => rules.Check(e.Payload, actual),
            };
            if (problem != null)
            {
                throw new InvalidOperationException("Output " + index + " for " + e + ": " + problem + "; got " + Hex.Format(actual, 64));
            }

            index++;
        }

        Require(replies.Count == 0, replies.Count + " frames more than the input calls for, first " + (replies.Count > 0 ? Hex.Format(replies.Peek(), 32) : string.Empty));
    }

    private static List<byte[]> ParseOutput(byte[] output)
    {
        var extractor = new FrameExtractor(FrameFormat.MaxEncodablePayloadBytes, strict: true);
        var frames = new List<byte[]>();
        long framed = 0;
        extractor.Feed(output, 0, output.Length);
        FrameReadResult result;
        while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
        {
            Require(result == FrameReadResult.Frame, "the device sent bytes that are not a frame (" + extractor.Fault + ")");
            frames.Add(extractor.FrameBuffer.AsSpan(extractor.FrameOffset, extractor.FrameLength).ToArray());
            framed += FrameFormat.HeaderBytes + extractor.FrameLength;
        }

        Require(framed == output.Length, "the device's output ends inside a frame");
        return frames;
    }

    private static void CheckPinChanged(byte[] e)
    {
        const int PinChangedBytes = 10;
        Require(e.Length == PinChangedBytes && Wire.IdOf(e) == 0 && Wire.StatusOf(e) == StatusCode.Ok && e[4] < 40 && e[5] <= 1,
            "malformed PinChanged event " + Hex.Format(e));
    }

    private static string? Same(byte[] expected, byte[] actual) =>
        expected.AsSpan().SequenceEqual(actual) ? null : "expected " + Hex.Format(expected);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message + ".");
        }
    }
}
