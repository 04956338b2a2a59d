using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace NanoTlv.Bridge.Tests.Support
{
    /// <summary>
    /// <c>tlvctl bridge</c> in its own process (as users run it), so its CPU time and memory are its own and not
    /// mixed with the virtual boards', the broker's or the subscriber's. Needs tlvctl built in the same configuration
    /// (the solution build does it). Shared (as a linked file) by the bridge tests and the MQTT benchmark.
    /// </summary>
    public sealed class BridgeProcess : IDisposable
    {
        private readonly Process _process;
        private long _outputLines;

        private BridgeProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Interlocked.Increment(ref _outputLines);
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine("bridge: " + e.Data);
                }
            };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        /// <summary>CPU time used so far.</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        /// <summary>Resident memory now, bytes.</summary>
        public long WorkingSetBytes
        {
            get
            {
                _process.Refresh();
                return _process.WorkingSet64;
            }
        }

        /// <summary>Highest resident memory so far, bytes.</summary>
        public long PeakWorkingSetBytes
        {
            get
            {
                _process.Refresh();
                return _process.PeakWorkingSet64;
            }
        }

        /// <summary>True when the bridge has exited (it should not, until disposed).</summary>
        public bool HasExited => _process.HasExited;

        /// <summary>Starts <c>tlvctl bridge</c> with <paramref name="arguments"/> after "bridge".</summary>
        public static BridgeProcess Start(params string[] arguments)
        {
            string tlvctl = FindTlvctl();
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(tlvctl);
            start.ArgumentList.Add("bridge");
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            return new BridgeProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start " + tlvctl + "."));
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }

            _process.Dispose();
        }

        private static string FindTlvctl()
        {
            string configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
            for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "nanoFramework.sln")))
                {
                    string path = Path.Combine(directory.FullName, "tools", "tlvctl", "bin", configuration, "net10.0", "tlvctl.dll");
                    return File.Exists(path) ? path : throw new FileNotFoundException("Build tlvctl first: dotnet build tools/tlvctl -c " + configuration + " (looked for " + path + ").");
                }
            }

            throw new FileNotFoundException("nanoFramework.sln not found above " + AppContext.BaseDirectory + ".");
        }
    }
}
