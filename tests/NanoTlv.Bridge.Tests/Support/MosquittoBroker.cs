using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Bridge.Tests.Support
{
    /// <summary>
    /// A real Mosquitto broker on a free 127.0.0.1 port, with a generated configuration in its own temporary
    /// directory; killed and deleted on dispose. Shared (as a linked file) by the bridge tests and the MQTT benchmark.
    /// .ci/run installs Mosquitto from Debian's packages.
    /// </summary>
    public sealed class MosquittoBroker : IDisposable
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
        private readonly string _directory;
        private readonly string _configPath;
        private Process? _process;

        private MosquittoBroker(string directory, string configPath, int port)
        {
            _directory = directory;
            _configPath = configPath;
            Port = port;
        }

        /// <summary>The broker's port at 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>CPU time the running broker process has used (zero when it is not running).</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                Process? process = _process;
                if (process is null)
                {
                    return TimeSpan.Zero;
                }

                process.Refresh();
                return process.TotalProcessorTime;
            }
        }

        /// <summary>The Mosquitto executable: on PATH, else Debian's /usr/sbin/mosquitto.</summary>
        public static string Executable => Find("mosquitto") ?? "/usr/sbin/mosquitto";

        /// <summary>Starts a broker.</summary>
        /// <param name="persistent">Keep retained messages in a database across restarts.</param>
        /// <param name="user">With <paramref name="password"/>: require this user (no anonymous clients).</param>
        /// <param name="password">The user's password.</param>
        /// <param name="tls">A TLS-only listener with this certificate (its files in the broker's directory).</param>
        /// <returns>The running broker.</returns>
        public static async Task<MosquittoBroker> StartAsync(bool persistent = false, string? user = null, string? password = null, TestCertificates? tls = null)
        {
            string directory = Directory.CreateTempSubdirectory("nanotlv-mosquitto-").FullName;
            int port = FreePort();
            string config = "listener " + port + " 127.0.0.1\n"
                + (tls is null ? string.Empty : tls.MosquittoListenerConfig(directory))
                + "user root\n"
                + "log_dest stderr\n"
                + "max_queued_messages 100000\n"
                + (persistent ? "persistence true\npersistence_location " + directory + "/\nautosave_interval 1\n" : "persistence false\n");
            if (user is not null)
            {
                string passwordFile = Path.Combine(directory, "passwords");
                await RunAsync(Find("mosquitto_passwd") ?? "/usr/bin/mosquitto_passwd", "-b -c " + passwordFile + " " + user + " " + password).ConfigureAwait(false);
                config += "allow_anonymous false\npassword_file " + passwordFile + "\n";
            }
            else
            {
                config += "allow_anonymous true\n";
            }

            string configPath = Path.Combine(directory, "mosquitto.conf");
            await File.WriteAllTextAsync(configPath, config).ConfigureAwait(false);
            var broker = new MosquittoBroker(directory, configPath, port);
            await broker.StartProcessAsync().ConfigureAwait(false);
            return broker;
        }

        /// <summary>Kills the broker at once (SIGKILL: no clean shutdown, no last save).</summary>
        public void Kill()
        {
            Process? process = Interlocked.Exchange(ref _process, null);
            if (process is null)
            {
                return;
            }

            process.Kill();
            process.WaitForExit(5000);
            process.Dispose();
        }

        /// <summary>Starts the broker again on the same port with the same configuration.</summary>
        /// <returns>A task that completes when it accepts connections.</returns>
        public Task RestartAsync() => StartProcessAsync();

        public void Dispose()
        {
            Kill();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temporary directory is cleaned up by the system.
            }
        }

        private async Task StartProcessAsync()
        {
            var start = new ProcessStartInfo(Executable, "-c " + _configPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Executable + ".");
            process.ErrorDataReceived += (_, _) => { };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            _process = process;
            DateTime deadline = DateTime.UtcNow + StartTimeout;
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("mosquitto exited at start with code " + process.ExitCode + " (config " + _configPath + ").");
                }

                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
                    return;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(20).ConfigureAwait(false);
                }
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string? Find(string name)
        {
            foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(directory, name);
                if (directory.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static async Task RunAsync(string executable, string arguments)
        {
            using Process process = Process.Start(new ProcessStartInfo(executable, arguments) { UseShellExecute = false, RedirectStandardError = true })
                ?? throw new InvalidOperationException("Could not start " + executable + ".");
            string error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(executable + " failed: " + error);
            }
        }
    }
}
