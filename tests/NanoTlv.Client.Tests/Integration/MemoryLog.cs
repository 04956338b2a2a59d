using System.Collections.Concurrent;
using NanoTlv.Firmware;

namespace NanoTlv.Client.Tests.Integration
{
    /// <summary>Keeps the virtual device's log lines for a test.</summary>
    public sealed class MemoryLog : ILog
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void Info(string message) => Lines.Enqueue(message);

        public void Error(string message) => Lines.Enqueue("ERROR " + message);
    }
}
