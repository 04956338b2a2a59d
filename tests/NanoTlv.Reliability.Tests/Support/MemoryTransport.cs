using NanoTlv.Firmware.Transport;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>
/// An in-memory connection for one session: Receive hands out a fixed byte stream in the given chunk sizes
/// (cycled), then reports the peer's close; Send records everything the device sends. Thread-safe (events are
/// sent from the board's event thread).
/// </summary>
public sealed class MemoryTransport : ITransport
{
    private readonly byte[] _stream;
    private readonly int[] _chunkSizes;
    private readonly object _sync = new();
    private readonly MemoryStream _sent = new();
    private int _position;
    private int _chunkIndex;
    private bool _closed;

    public MemoryTransport(byte[] stream, int[] chunkSizes)
    {
        _stream = stream;
        _chunkSizes = chunkSizes.Select(size => Math.Max(1, size)).ToArray();
    }

    public bool IsClosed
    {
        get
        {
            lock (_sync)
            {
                return _closed;
            }
        }
    }

    public byte[] Sent
    {
        get
        {
            lock (_sync)
            {
                return _sent.ToArray();
            }
        }
    }

    public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
    {
        lock (_sync)
        {
            if (_closed)
            {
                throw new ObjectDisposedException(nameof(MemoryTransport));
            }

            if (_position >= _stream.Length)
            {
                return TransportResult.Closed;
            }

            int size = Math.Min(Math.Min(_chunkSizes[_chunkIndex++ % _chunkSizes.Length], count), _stream.Length - _position);
            Array.Copy(_stream, _position, buffer, offset, size);
            _position += size;
            return size;
        }
    }

    public void Send(byte[] buffer, int offset, int count)
    {
        lock (_sync)
        {
            if (_closed)
            {
                throw new InvalidOperationException("The connection is closed.");
            }

            _sent.Write(buffer, offset, count);
        }
    }

    public void Close()
    {
        lock (_sync)
        {
            _closed = true;
        }
    }
}
