using System.Collections.Concurrent;
using System.Collections.Generic;
using NanoTlv.Firmware.Transport;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>
/// An in-memory <see cref="IDatagramTransport"/>: tests queue datagrams "from" named senders and read what the
/// responder sent, with its destination (a sender's name or <see cref="BroadcastDestination"/>). A receive with
/// nothing queued returns at once (timed out), so a test steps the responder without waiting.
/// </summary>
public sealed class FakeDatagramTransport : IDatagramTransport
{
    public const string BroadcastDestination = "broadcast";

    private readonly ConcurrentQueue<(string Sender, byte[] Bytes)> _incoming = new();
    private readonly ConcurrentQueue<(string Destination, byte[] Bytes)> _sent = new();
    private string? _lastSender;

    public bool Closed { get; private set; }

    /// <summary>When set, the next receive throws it (a failing socket).</summary>
    public System.Exception? FailNextReceive { get; set; }

    /// <summary>When set, every send throws it (a network that is down).</summary>
    public System.Exception? FailSends { get; set; }

    public int ReceiveCalls { get; private set; }

    public void Deliver(byte[] datagram, string sender = "client") => _incoming.Enqueue((sender, datagram));

    public bool TryTakeSent(out string destination, out byte[] bytes)
    {
        bool taken = _sent.TryDequeue(out var item);
        (destination, bytes) = taken ? item : (string.Empty, []);
        return taken;
    }

    public IReadOnlyList<(string Destination, byte[] Bytes)> TakeAllSent()
    {
        var all = new List<(string, byte[])>();
        while (_sent.TryDequeue(out var item))
        {
            all.Add(item);
        }

        return all;
    }

    public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
    {
        ReceiveCalls++;
        if (FailNextReceive is { } failure)
        {
            FailNextReceive = null;
            throw failure;
        }

        if (!_incoming.TryDequeue(out var datagram))
        {
            return TransportResult.TimedOut;
        }

        _lastSender = datagram.Sender;
        int length = System.Math.Min(count, datagram.Bytes.Length);
        System.Array.Copy(datagram.Bytes, 0, buffer, offset, length);
        return length;
    }

    public void ReplyToSender(byte[] buffer, int offset, int count) =>
        Send(_lastSender ?? throw new System.InvalidOperationException("nothing received yet"), buffer, offset, count);

    public void Broadcast(byte[] buffer, int offset, int count) => Send(BroadcastDestination, buffer, offset, count);

    public void Close() => Closed = true;

    private void Send(string destination, byte[] buffer, int offset, int count)
    {
        if (FailSends is { } failure)
        {
            throw failure;
        }

        _sent.Enqueue((destination, buffer.AsSpan(offset, count).ToArray()));
    }
}
