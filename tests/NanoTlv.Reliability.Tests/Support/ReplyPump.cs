using System.Collections.Concurrent;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>
/// Reads a connection on its own thread and sorts what arrives: PinChanged events into <see cref="Events"/>,
/// everything else into a queue that <see cref="NextReply"/> takes from with a bounded wait.
/// </summary>
public sealed class ReplyPump : IDisposable
{
    private readonly RawClient _client;
    private readonly BlockingCollection<byte[]> _replies = new();
    private readonly List<byte[]> _events = new();
    private readonly Thread _thread;
    private volatile bool _stop;

    public ReplyPump(RawClient client)
    {
        _client = client;
        _thread = new Thread(Run) { IsBackground = true, Name = "reply pump" };
        _thread.Start();
    }

    public Exception? Failure { get; private set; }

    public int EventCount
    {
        get
        {
            lock (_events)
            {
                return _events.Count;
            }
        }
    }

    public List<byte[]> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    public byte[] NextReply(TimeSpan timeout)
    {
        if (_replies.TryTake(out byte[]? reply, timeout))
        {
            return reply;
        }

        throw new TimeoutException("No reply within " + timeout.TotalSeconds + " s" + (Failure == null ? "." : " (reader failed: " + Failure.Message + ")."));
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join(Wait.Long);
        _replies.Dispose();
    }

    private void Run()
    {
        try
        {
            while (!_stop && !_client.PeerClosed)
            {
                if (!_client.TryReadFrame(TimeSpan.FromMilliseconds(100), out byte[]? payload))
                {
                    continue;
                }

                if (Wire.IsPinChanged(payload!))
                {
                    lock (_events)
                    {
                        _events.Add(payload!);
                    }
                }
                else
                {
                    _replies.Add(payload!);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failure = e;
        }
    }
}
