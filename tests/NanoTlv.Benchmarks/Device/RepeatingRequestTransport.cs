using System;
using NanoTlv.Firmware.Transport;

namespace NanoTlv.Benchmarks.Device;

/// <summary>
/// An in-memory connection for a session served on the caller's thread: each Receive hands the session the
/// same chunk (one request step), <see cref="Steps"/> times, then reports the peer closed. Sends are counted
/// (and, when <see cref="Record"/> is on, kept for checking). With <see cref="SampleAllocations"/> the bytes
/// allocated on the thread are sampled at every Receive, so the difference between two samples is exactly what
/// the session allocated while processing the chunks in between. Allocates nothing per call.
/// </summary>
public sealed class RepeatingRequestTransport : ITransport
{
    private readonly byte[] _chunk;
    private readonly int _stepReplyBytes;
    private readonly long[] _threadSamples;
    private readonly long[] _driverSamples;
    private readonly Func<long>? _driverBytes;
    private byte[] _recorded = [];
    private int _recordedBytes;
    private int _received;
    private bool _closed;

    /// <summary>Creates the connection.</summary>
    /// <param name="chunk">What every Receive delivers.</param>
    /// <param name="steps">How many times.</param>
    /// <param name="stepReplyBytes">Bytes the device must send back per chunk.</param>
    /// <param name="driverBytes">Optional: bytes the board's drivers allocated so far (sampled with the thread's).</param>
    public RepeatingRequestTransport(byte[] chunk, int steps, int stepReplyBytes, Func<long>? driverBytes = null)
    {
        _chunk = chunk;
        Steps = steps;
        _stepReplyBytes = stepReplyBytes;
        _driverBytes = driverBytes;
        _threadSamples = new long[steps + 1];
        _driverSamples = new long[steps + 1];
    }

    /// <summary>Chunks delivered per connection.</summary>
    public int Steps { get; }

    /// <summary>Bytes the device sent on the current connection.</summary>
    public long SentBytes { get; private set; }

    /// <summary>Samples allocations at every Receive (off for timing runs).</summary>
    public bool SampleAllocations { get; set; }

    /// <summary>Keeps every byte sent, for <see cref="RecordedBytes"/>.</summary>
    public bool Record
    {
        get => _recorded.Length > 0;
        set => _recorded = value ? new byte[Steps * _stepReplyBytes] : [];
    }

    /// <summary>What was sent on the last connection, when <see cref="Record"/> is on.</summary>
    public ReadOnlySpan<byte> RecordedBytes => _recorded.AsSpan(0, _recordedBytes);

    /// <summary>Prepares for the next connection.</summary>
    public void Rewind()
    {
        _received = 0;
        _closed = false;
        SentBytes = 0;
        _recordedBytes = 0;
    }

    /// <summary>Bytes allocated on the session's thread between Receive calls <paramref name="from"/> and <paramref name="to"/> (0-based).</summary>
    public long ThreadAllocatedBetween(int from, int to) => _threadSamples[to] - _threadSamples[from];

    /// <summary>Bytes the drivers allocated between the same two Receive calls.</summary>
    public long DriverAllocatedBetween(int from, int to) => _driverSamples[to] - _driverSamples[from];

    /// <summary>Throws when the device did not answer every chunk, in full, and close by the script's end.</summary>
    /// <exception cref="InvalidOperationException">Something is missing.</exception>
    public void VerifyServed()
    {
        long expected = (long)Steps * _stepReplyBytes;
        if (_received != Steps + 1 || SentBytes != expected || !_closed)
        {
            throw new InvalidOperationException(
                $"The session took {_received} of {Steps + 1} receives and sent {SentBytes} of {expected} reply bytes (closed: {_closed}).");
        }
    }

    public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (SampleAllocations && _received <= Steps)
        {
            _threadSamples[_received] = GC.GetAllocatedBytesForCurrentThread();
            _driverSamples[_received] = _driverBytes?.Invoke() ?? 0;
        }

        if (_closed)
        {
            throw new InvalidOperationException("Receive after Close.");
        }

        if (_received++ == Steps)
        {
            return TransportResult.Closed;
        }

        if (_chunk.Length > count)
        {
            throw new InvalidOperationException($"The {_chunk.Length}-byte chunk does not fit the session's {count}-byte receive buffer.");
        }

        Buffer.BlockCopy(_chunk, 0, buffer, offset, _chunk.Length);
        return _chunk.Length;
    }

    public void Send(byte[] buffer, int offset, int count)
    {
        if (_closed)
        {
            throw new InvalidOperationException("Send after Close.");
        }

        if (_recordedBytes + count <= _recorded.Length)
        {
            Buffer.BlockCopy(buffer, offset, _recorded, _recordedBytes, count);
            _recordedBytes += count;
        }

        SentBytes += count;
    }

    public void Close() => _closed = true;
}
