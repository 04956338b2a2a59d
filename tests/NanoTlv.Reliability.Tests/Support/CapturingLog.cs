using NanoTlv.Firmware;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>
/// An <see cref="ILog"/> that keeps the device's lines for assertions (thread-safe). With a capacity it keeps
/// only the newest lines, so long runs do not grow memory; <see cref="Count"/> still counts every line.
/// </summary>
public sealed class CapturingLog : ILog
{
    private readonly object _sync = new();
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;
    private long _count;
    private long _errors;

    public CapturingLog(int capacity = int.MaxValue)
    {
        _capacity = capacity;
    }

    public long Count => Interlocked.Read(ref _count);

    public long ErrorCount => Interlocked.Read(ref _errors);

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_sync)
            {
                return _lines.ToArray();
            }
        }
    }

    public void Info(string message) => Add("INFO  " + message);

    public void Error(string message)
    {
        Interlocked.Increment(ref _errors);
        Add("ERROR " + message);
    }

    public bool Contains(string text) => Lines.Any(line => line.Contains(text, StringComparison.Ordinal));

    public override string ToString() => string.Join(Environment.NewLine, Lines.TakeLast(40));

    private void Add(string line)
    {
        Interlocked.Increment(ref _count);
        lock (_sync)
        {
            _lines.Enqueue(line);
            while (_lines.Count > _capacity)
            {
                _lines.Dequeue();
            }
        }
    }
}
