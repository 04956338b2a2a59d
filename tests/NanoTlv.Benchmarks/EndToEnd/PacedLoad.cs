using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>
/// Latency at a fixed request rate on one connection, open loop: a sender thread sends request i at
/// start + i / rate, or as soon after as its 1-ms sleeps allow (it never spins, so the load client does not take
/// a core from the server; a late request goes out at once, so the rate holds), and never waits for replies; a
/// receiver thread checks every reply and records its round trip from the moment its request was actually sent.
/// Because sending never waits for replies, a slow reply cannot hold back the requests behind it and hide its
/// effect on them. Requests sent during the warm-up are not recorded.
/// </summary>
public static class PacedLoad
{
    private const int ReceiveBufferBytes = 64 * 1024;
    private static readonly TimeSpan DrainAllowance = TimeSpan.FromSeconds(10);

    /// <summary>Runs the paced load against <paramref name="server"/>.</summary>
    /// <exception cref="InvalidOperationException">A reply was wrong or missing, or the server failed.</exception>
    public static LoadResult Run(IServerUnderLoad server, LoadWorkload workload, LoadSettings settings)
    {
        ConnectionScript script = server is EchoServer ? workload.ForEcho(0) : workload.ForDevice(0);
        int rate = settings.PacedRatePerSecond;
        int warmUpRequests = (int)(rate * settings.WarmUp.TotalSeconds);
        int requests = warmUpRequests + (int)(rate * settings.PacedDuration.TotalSeconds);
        var sentAt = new long[requests];
        var latencies = new LatencyRecorder(requests);
        using Socket socket = LoadConnection.Open(server.Port, script);
        Exception? receiveFailure = null;
        var receiver = new Thread(() =>
        {
            try
            {
                Receive(socket, script, sentAt, warmUpRequests, latencies);
            }
            catch (Exception e) when (e is SocketException or InvalidOperationException or ObjectDisposedException)
            {
                receiveFailure = e;
            }
        })
        { IsBackground = true, Name = "paced receiver" };
        receiver.Start();

        long started = Send(socket, script, sentAt, rate);
        double sendSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (!receiver.Join(DrainAllowance))
        {
            throw new InvalidOperationException($"The {server.Name} did not answer all {requests} paced requests within {DrainAllowance.TotalSeconds} s of the last.");
        }

        if (receiveFailure is not null)
        {
            throw new InvalidOperationException($"Paced {workload.Name} against the {server.Name} failed: {receiveFailure.Message}", receiveFailure);
        }

        server.ThrowIfFailed();
        return new LoadResult(server.Name, workload.Name, 1, 0, requests / sendSeconds, LatencyRecorder.Summarize(latencies));
    }

    private static long Send(Socket socket, ConnectionScript script, long[] sentAt, int rate)
    {
        byte[] frame = (byte[])script.Request.Clone();
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < sentAt.Length; i++)
        {
            long due = started + (long)((double)i * Stopwatch.Frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }

            ConnectionScript.WriteId(frame, 0, ConnectionScript.IdOf(i));
            Volatile.Write(ref sentAt[i], Stopwatch.GetTimestamp());
            LoadConnection.SendAll(socket, frame, frame.Length);
        }

        return started;
    }

    private static void Receive(Socket socket, ConnectionScript script, long[] sentAt, int warmUpRequests, LatencyRecorder latencies)
    {
        var buffer = new byte[ReceiveBufferBytes];
        int replyBytes = script.Reply.Length;
        int carried = 0;
        int received = 0;
        while (received < sentAt.Length)
        {
            int count = socket.Receive(buffer, carried, buffer.Length - carried, SocketFlags.None);
            if (count == 0)
            {
                throw new InvalidOperationException($"The server closed the connection after {received} replies.");
            }

            long now = Stopwatch.GetTimestamp();
            int available = carried + count;
            int replies = available / replyBytes;
            for (int i = 0; i < replies; i++)
            {
                script.VerifyReply(buffer, i * replyBytes, ConnectionScript.IdOf(received));
                if (received >= warmUpRequests)
                {
                    latencies.Add(now - Volatile.Read(ref sentAt[received]));
                }

                received++;
            }

            carried = available - (replies * replyBytes);
            if (carried > 0)
            {
                Buffer.BlockCopy(buffer, replies * replyBytes, buffer, 0, carried);
            }
        }
    }
}
