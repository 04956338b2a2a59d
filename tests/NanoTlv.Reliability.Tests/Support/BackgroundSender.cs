using System.Net.Sockets;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>Sends the same bytes over and over on its own thread until stopped or the connection fails,
/// never reading: a client that does not read its replies.</summary>
public sealed class BackgroundSender : IDisposable
{
    private readonly RawClient _client;
    private readonly byte[] _bytes;
    private readonly Thread _thread;
    private long _sent;
    private volatile bool _stop;

    public BackgroundSender(RawClient client, byte[] bytes)
    {
        _client = client;
        _bytes = bytes;
        _thread = new Thread(Run) { IsBackground = true, Name = "background sender" };
        _thread.Start();
    }

    public long BytesSent => Interlocked.Read(ref _sent);

    /// <summary>Waits until sending has stalled (the peer stopped reading) for <paramref name="stall"/>.</summary>
    public bool WaitStalled(TimeSpan stall, TimeSpan timeout)
    {
        DateTime giveUp = DateTime.UtcNow + timeout;
        long last = -1;
        DateTime since = DateTime.UtcNow;
        while (DateTime.UtcNow < giveUp)
        {
            long now = BytesSent;
            if (now != last)
            {
                last = now;
                since = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - since >= stall)
            {
                return true;
            }

            Thread.Sleep(20);
        }

        return false;
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join(Wait.Long);
    }

    private void Run()
    {
        try
        {
            while (!_stop)
            {
                _client.Send(_bytes);
                Interlocked.Add(ref _sent, _bytes.Length);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The device dropped the connection (or the test closed it): that is what the tests wait for.
        }
    }
}
