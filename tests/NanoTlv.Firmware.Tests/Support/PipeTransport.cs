using System;
using System.Collections.Generic;
using System.Threading;
using NanoTlv.Firmware.Transport;
using NanoTlv.Framing;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>
/// A thread-safe in-memory connection: the test (client side) writes bytes and reads frames with bounded
/// waits; the session (device side) receives and sends through <see cref="ITransport"/>.
/// </summary>
public sealed class PipeTransport : ITransport
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly object _sync = new();
    private readonly Queue<byte> _toDevice = new();
    private readonly FrameExtractor _extractor = new(FrameFormat.MaxEncodablePayloadBytes, strict: true);
    private readonly Queue<byte[]> _fromDevice = new();
    private bool _deviceSentJunk;
    private bool _clientClosed;
    private bool _deviceClosed;

    public bool IsClosedByDevice
    {
        get
        {
            lock (_sync)
            {
                return _deviceClosed;
            }
        }
    }

    // Client side.
    public void Write(byte[] bytes)
    {
        lock (_sync)
        {
            foreach (byte b in bytes)
            {
                _toDevice.Enqueue(b);
            }

            Monitor.PulseAll(_sync);
        }
    }

    public void WriteFrame(string payloadHex) => Write(Hex.FrameOf(payloadHex));

    public void CloseFromClient()
    {
        lock (_sync)
        {
            _clientClosed = true;
            Monitor.PulseAll(_sync);
        }
    }

    /// <summary>Reads the next frame payload the device sent, waiting at most <paramref name="wait"/>.</summary>
    public byte[] ReadFrame(TimeSpan wait)
    {
        DateTime deadline = DateTime.UtcNow + wait;
        lock (_sync)
        {
            while (true)
            {
                if (_fromDevice.Count > 0)
                {
                    return _fromDevice.Dequeue();
                }

                if (_deviceSentJunk)
                {
                    throw new InvalidOperationException("The device sent bytes that are not a frame.");
                }

                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException("No frame from the device within " + wait.TotalMilliseconds + " ms.");
                }

                Monitor.Wait(_sync, left);
            }
        }
    }

    public byte[] ReadFrame() => ReadFrame(DefaultWait);

    /// <summary>True when no further frame arrives within <paramref name="wait"/>.</summary>
    public bool NothingWithin(TimeSpan wait)
    {
        try
        {
            ReadFrame(wait);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    public bool WaitClosedByDevice(TimeSpan wait)
    {
        DateTime deadline = DateTime.UtcNow + wait;
        lock (_sync)
        {
            while (!_deviceClosed)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(_sync, left);
            }

            return true;
        }
    }

    // Device side.
    public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
    {
        DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        lock (_sync)
        {
            while (_toDevice.Count == 0)
            {
                if (_deviceClosed)
                {
                    throw new ObjectDisposedException(nameof(PipeTransport));
                }

                if (_clientClosed)
                {
                    return TransportResult.Closed;
                }

                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return TransportResult.TimedOut;
                }

                Monitor.Wait(_sync, left);
            }

            int n = 0;
            while (n < count && _toDevice.Count > 0)
            {
                buffer[offset + n++] = _toDevice.Dequeue();
            }

            return n;
        }
    }

    public void Send(byte[] buffer, int offset, int count)
    {
        lock (_sync)
        {
            if (_deviceClosed || _clientClosed)
            {
                throw new InvalidOperationException("The pipe is closed.");
            }

            // Split into payloads as it arrives; junk is reported to the reading test, not to the sending device.
            if (!_deviceSentJunk)
            {
                _extractor.Feed(buffer, offset, count);
                FrameReadResult result;
                while ((result = _extractor.Next()) == FrameReadResult.Frame)
                {
                    _fromDevice.Enqueue(_extractor.FrameBuffer.AsSpan(_extractor.FrameOffset, _extractor.FrameLength).ToArray());
                }

                _deviceSentJunk = result != FrameReadResult.NeedMoreData;
            }

            Monitor.PulseAll(_sync);
        }
    }

    public void Close()
    {
        lock (_sync)
        {
            _deviceClosed = true;
            Monitor.PulseAll(_sync);
        }
    }
}
