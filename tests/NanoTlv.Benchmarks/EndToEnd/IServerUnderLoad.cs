using System;

namespace NanoTlv.Benchmarks.EndToEnd;

/// <summary>A server the load runs against on 127.0.0.1: the device or the echo server.</summary>
public interface IServerUnderLoad : IDisposable
{
    /// <summary>"device" or "echo".</summary>
    string Name { get; }

    /// <summary>The port it listens on at 127.0.0.1.</summary>
    int Port { get; }

    /// <summary>Throws when the server failed or logged an error during the run.</summary>
    void ThrowIfFailed();
}
