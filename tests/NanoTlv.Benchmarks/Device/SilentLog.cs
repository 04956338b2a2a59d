using System.Collections.Concurrent;
using NanoTlv.Firmware;

namespace NanoTlv.Benchmarks.Device;

/// <summary>
/// An <see cref="ILog"/> that prints nothing (the core logs every connection, which would flood the benchmark
/// output) but keeps error lines: a device that logged an error during a measurement broke something.
/// </summary>
public sealed class SilentLog : ILog
{
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>Error lines logged so far.</summary>
    public string[] Errors => [.. _errors];

    public void Info(string message)
    {
    }

    public void Error(string message) => _errors.Enqueue(message);
}
