using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>Collects log lines (thread-safe).</summary>
public sealed class TestLog : ILog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public IEnumerable<string> Errors => Lines.Where(line => line.StartsWith("ERROR ", System.StringComparison.Ordinal));

    public void Info(string message) => _lines.Enqueue("INFO " + message);

    public void Error(string message) => _lines.Enqueue("ERROR " + message);
}
