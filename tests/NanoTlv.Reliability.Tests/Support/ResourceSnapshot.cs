using System.Diagnostics;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>Process-wide resources at one moment: OS threads, open socket descriptors, live managed bytes.</summary>
public sealed record ResourceSnapshot(int Threads, int ThreadPoolThreads, int Sockets, long ManagedBytes)
{
    private const string FileDescriptorDirectory = "/proc/self/fd";

    public static bool CanCountSockets => Directory.Exists(FileDescriptorDirectory);

    /// <summary>Takes a snapshot after a full, compacting collection with finalizers run.</summary>
    public static ResourceSnapshot Take()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using Process process = Process.GetCurrentProcess();
        process.Refresh();
        return new ResourceSnapshot(process.Threads.Count, ThreadPool.ThreadCount, CountSockets(), GC.GetTotalMemory(forceFullCollection: true));
    }

    public static int CountSockets()
    {
        if (!CanCountSockets)
        {
            return -1;
        }

        int sockets = 0;
        foreach (string entry in Directory.EnumerateFileSystemEntries(FileDescriptorDirectory))
        {
            try
            {
                string? target = new FileInfo(entry).LinkTarget;
                if (target != null && target.StartsWith("socket:", StringComparison.Ordinal))
                {
                    sockets++;
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to inspect.
            }
        }

        return sockets;
    }

    public override string ToString() =>
        Threads + " threads (" + ThreadPoolThreads + " pool), " + Sockets + " sockets, " + ManagedBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " managed bytes";
}
