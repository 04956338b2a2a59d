using System;
using System.Net;
using System.Net.Sockets;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>Opening a load connection: TCP_NODELAY, bounded waits, and the script's setup exchange.</summary>
public static class LoadConnection
{
    /// <summary>Longest a receive may wait: a server that stops answering fails the run instead of hanging it.</summary>
    public const int ReceiveTimeoutMs = 10000;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and runs <paramref name="script"/>'s setup.</summary>
    /// <exception cref="InvalidOperationException">The setup reply is wrong.</exception>
    public static Socket Open(int port, ConnectionScript script)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = ReceiveTimeoutMs,
            SendTimeout = ReceiveTimeoutMs,
        };
        try
        {
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            if (script.SetupRequest is byte[] setup && script.SetupReply is byte[] expected)
            {
                SendAll(socket, setup, setup.Length);
                var reply = new byte[expected.Length];
                ReceiveExactly(socket, reply);
                if (!reply.AsSpan().SequenceEqual(expected))
                {
                    throw new InvalidOperationException($"Setup reply {Convert.ToHexString(reply)}, expected {Convert.ToHexString(expected)}.");
                }
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends all <paramref name="count"/> bytes.</summary>
    public static void SendAll(Socket socket, byte[] buffer, int count)
    {
        int sent = 0;
        while (sent < count)
        {
            sent += socket.Send(buffer, sent, count - sent, SocketFlags.None);
        }
    }

    private static void ReceiveExactly(Socket socket, byte[] buffer)
    {
        int received = 0;
        while (received < buffer.Length)
        {
            int n = socket.Receive(buffer, received, buffer.Length - received, SocketFlags.None);
            if (n == 0)
            {
                throw new InvalidOperationException("The server closed the connection during setup.");
            }

            received += n;
        }
    }
}
