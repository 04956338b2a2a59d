using System.Collections.Concurrent;
using System.Collections.Generic;
using NanoTlv.Firmware;

namespace NanoTlv.Cli.Demo
{
    /// <summary>Keeps the virtual device's log lines quietly; the demo prints them only when a step fails.</summary>
    internal sealed class DemoLog : ILog
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IEnumerable<string> Lines => _lines;

        public void Info(string message) => _lines.Enqueue("INFO  " + message);

        public void Error(string message) => _lines.Enqueue("ERROR " + message);
    }
}
