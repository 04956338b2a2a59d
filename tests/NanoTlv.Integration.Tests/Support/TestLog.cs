using System.Collections.Concurrent;
using NanoTlv.Firmware;

namespace NanoTlv.Integration.Tests.Support;

public sealed class TestLog : ILog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public void Info(string message) => _lines.Enqueue("INFO " + message);

    public void Error(string message) => _lines.Enqueue("ERROR " + message);

    public static void WaitUntil(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + TestClient.Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what + ".");
            }

            Thread.Sleep(5);
        }
    }
}
