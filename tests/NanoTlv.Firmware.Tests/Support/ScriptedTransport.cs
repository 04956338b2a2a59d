using System;
using System.Collections.Generic;
using System.IO;
using NanoTlv.Firmware.Transport;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>
/// A single-threaded <see cref="ITransport"/> that hands the session a fixed list of chunks, one per
/// Receive, then either closes or times out (advancing the test clock by each wait, so timeouts pass
/// without sleeping). Everything sent is recorded in a preallocated buffer, and
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> is sampled at every Receive: the session runs on the
/// caller's thread, so the difference between two samples is what the session allocated in between.
/// </summary>
public sealed class ScriptedTransport : ITransport
{
    private readonly byte[][] _chunks;
    private readonly long[] _allocationSamples;
    private readonly byte[] _sent;
    private readonly VirtualSystemMonitor? _clock;
    private readonly int _timeoutsAfterScript;
    private int _next;
    private int _timeoutsGiven;

    /// <summary>Feeds <paramref name="chunks"/>, then reports the peer closed.</summary>
    public ScriptedTransport(params byte[][] chunks)
        : this(chunks, null, 0, 1 << 20)
    {
    }

    /// <param name="chunks">What each Receive returns.</param>
    /// <param name="clock">Advanced by the wait of every timed-out Receive after the script (null: close at once).</param>
    /// <param name="timeoutsAfterScript">How many timed-out Receives to report after the script before closing.</param>
    /// <param name="sendCapacity">Bytes the recorder holds.</param>
    public ScriptedTransport(byte[][] chunks, VirtualSystemMonitor? clock, int timeoutsAfterScript, int sendCapacity)
    {
        _chunks = chunks;
        _clock = clock;
        _timeoutsAfterScript = timeoutsAfterScript;
        _allocationSamples = new long[chunks.Length + timeoutsAfterScript + 2];
        _sent = new byte[sendCapacity];
    }

    /// <summary>Milliseconds the clock moves before each scripted chunk after the first (a slow client).</summary>
    public int ClockStepPerChunkMs { get; init; }

    /// <summary>A Send of more bytes than this throws, as a socket whose send timed out (null: never).</summary>
    public int? FailSendsLargerThan { get; init; }

    public int SentCount { get; private set; }

    public bool IsClosed { get; private set; }

    public int ReceiveCalls { get; private set; }

    /// <summary>Waits the session asked for in timed-out receives.</summary>
    public List<int> TimedOutWaits { get; } = new();

    public byte[] Sent => _sent.AsSpan(0, SentCount).ToArray();

    public List<byte[]> Frames => Replies.Split(_sent, SentCount);

    /// <summary>Bytes allocated on the session's thread between Receive call <paramref name="from"/> and <paramref name="to"/> (0-based).</summary>
    public long AllocatedBetween(int from, int to) => _allocationSamples[to] - _allocationSamples[from];

    public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (ReceiveCalls < _allocationSamples.Length)
        {
            _allocationSamples[ReceiveCalls] = GC.GetAllocatedBytesForCurrentThread();
        }

        ReceiveCalls++;
        if (IsClosed)
        {
            throw new InvalidOperationException("Receive after Close.");
        }

        if (_next < _chunks.Length)
        {
            if (_next > 0 && ClockStepPerChunkMs > 0)
            {
                _clock!.Advance(ClockStepPerChunkMs);
            }

            byte[] chunk = _chunks[_next++];
            if (chunk.Length > count)
            {
                throw new InvalidOperationException("A scripted chunk is larger than the session's receive buffer (" + count + " bytes).");
            }

            Array.Copy(chunk, 0, buffer, offset, chunk.Length);
            return chunk.Length;
        }

        if (_clock != null && _timeoutsGiven < _timeoutsAfterScript)
        {
            _timeoutsGiven++;
            TimedOutWaits.Add(timeoutMs);
            _clock.Advance(timeoutMs);
            return TransportResult.TimedOut;
        }

        return TransportResult.Closed;
    }

    public void Send(byte[] buffer, int offset, int count)
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("Send after Close.");
        }

        if (count > FailSendsLargerThan)
        {
            throw new IOException("Connection timed out");
        }

        Array.Copy(buffer, offset, _sent, SentCount, count);
        SentCount += count;
    }

    public void Close() => IsClosed = true;
}
