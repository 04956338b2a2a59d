using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// The reference point for the device's accept path: a listening socket on 127.0.0.1 with the platform's maximum
/// backlog (as the virtual device's) and one thread that accepts each connection and closes it at once. No slots, no
/// session, no hand-over to another thread.
/// </summary>
public sealed class BareAcceptServer : IDisposable
{
    private const int JoinTimeoutMs = 5000;

    private readonly Socket _listener;
    private readonly Thread _acceptThread;
    private Exception? _failure;
    private volatile bool _stopping;

    private BareAcceptServer()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "bare accept" };
    }

    /// <summary>The port at 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Starts listening at a free port.</summary>
    public static BareAcceptServer Start()
    {
        var server = new BareAcceptServer();
        server._acceptThread.Start();
        return server;
    }

    /// <summary>Throws when accepting failed other than by <see cref="Dispose"/>.</summary>
    /// <exception cref="InvalidOperationException">It did.</exception>
    public void ThrowIfFailed()
    {
        Exception? failure = Volatile.Read(ref _failure);
        if (failure is not null)
        {
            throw new InvalidOperationException("The bare accept server failed: " + failure.Message, failure);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Close();
        _acceptThread.Join(JoinTimeoutMs);
    }

    private void AcceptLoop()
    {
        try
        {
            while (!_stopping)
            {
                _listener.Accept().Close();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            if (!_stopping)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
        }
    }
}
