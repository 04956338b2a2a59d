using System.Collections.Concurrent;
using NanoTlv.Firmware.Transport;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>An <see cref="ITransportListener"/> whose connections are pipes the test creates.</summary>
public sealed class InMemoryListener : ITransportListener
{
    private readonly BlockingCollection<ITransport> _pending = new();
    private readonly CancellationTokenSource _closed = new();

    public PipeTransport Connect()
    {
        var pipe = new PipeTransport();
        _pending.Add(pipe);
        return pipe;
    }

    public ITransport Accept()
    {
        try
        {
            return _pending.Take(_closed.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException("The listener is closed.");
        }
    }

    public bool IsClosed => _closed.IsCancellationRequested;

    public void Close() => _closed.Cancel();
}
