using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// The reference point for the device's throughput: a bare TCP echo server on 127.0.0.1, a thread per
/// connection (like the device), each sending back whatever one blocking receive returned, with the device's
/// receive size (<see cref="ReceiveBufferBytes"/>) and TCP_NODELAY. No framing, no parsing, no dispatch: the cost
/// of moving the same bytes through the same loopback stack and thread model.
/// </summary>
public sealed class EchoServer : IServerUnderLoad
{
    /// <summary>Bytes one receive may return: the device session's receive buffer.</summary>
    public const int ReceiveBufferBytes = 512;

    private const int Backlog = 64;
    private const int JoinTimeoutMs = 5000;

    private readonly Socket _listener;
    private readonly Thread _acceptThread;
    private readonly List<Socket> _connections = [];
    private readonly List<Thread> _threads = [];
    private readonly object _sync = new();
    private Exception? _failure;
    private volatile bool _stopping;

    private EchoServer()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(Backlog);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "echo accept" };
    }

    public string Name => "echo";

    public int Port { get; }

    /// <summary>Starts listening at a free port.</summary>
    public static EchoServer Start()
    {
        var server = new EchoServer();
        server._acceptThread.Start();
        return server;
    }

    public void ThrowIfFailed()
    {
        Exception? failure = Volatile.Read(ref _failure);
        if (failure is not null)
        {
            throw new InvalidOperationException("The echo server failed: " + failure.Message, failure);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Close();
        Thread[] threads;
        lock (_sync)
        {
            foreach (Socket connection in _connections)
            {
                connection.Close();
            }

            threads = [.. _threads];
        }

        _acceptThread.Join(JoinTimeoutMs);
        foreach (Thread thread in threads)
        {
            thread.Join(JoinTimeoutMs);
        }
    }

    private void AcceptLoop()
    {
        try
        {
            while (!_stopping)
            {
                Socket connection = _listener.Accept();
                connection.NoDelay = true;
                var thread = new Thread(() => Echo(connection)) { IsBackground = true, Name = "echo connection" };
                lock (_sync)
                {
                    _connections.Add(connection);
                    _threads.Add(thread);
                }

                thread.Start();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Fail(e);
        }
    }

    private void Echo(Socket connection)
    {
        var buffer = new byte[ReceiveBufferBytes];
        try
        {
            int received;
            while ((received = connection.Receive(buffer, 0, buffer.Length, SocketFlags.None)) > 0)
            {
                int sent = 0;
                while (sent < received)
                {
                    sent += connection.Send(buffer, sent, received - sent, SocketFlags.None);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Fail(e);
        }
        finally
        {
            connection.Close();
        }
    }

    private void Fail(Exception e)
    {
        if (!_stopping)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
    }
}
