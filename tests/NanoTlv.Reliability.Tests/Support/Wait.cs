using System.Diagnostics;
using System.Threading;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>Bounded waits: every wait in this suite ends by itself.</summary>
public static class Wait
{
    /// <summary>Generous bound for things that normally take milliseconds (busy 2-core CI machines).</summary>
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    public static void Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        if (!TryUntil(condition, timeout))
        {
            throw new TimeoutException("Timed out after " + timeout.TotalSeconds + " s waiting until " + what + ".");
        }
    }

    public static bool TryUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }

    /// <summary>Joins <paramref name="thread"/> or fails the test.</summary>
    public static void Join(Thread thread, TimeSpan timeout, string what)
    {
        if (!thread.Join(timeout))
        {
            throw new TimeoutException(what + " did not finish within " + timeout.TotalSeconds + " s (hang?).");
        }
    }
}
