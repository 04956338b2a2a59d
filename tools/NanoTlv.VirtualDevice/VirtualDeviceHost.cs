using System;
using System.Net;
using System.Threading;
using NanoTlv.Firmware;
using NanoTlv.Firmware.Net;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// The firmware core running on the host against a <see cref="VirtualBoard"/>, reachable over loopback
    /// TCP exactly like a board on Wi-Fi: the same <see cref="DeviceServer"/>, the same socket adapter.
    /// </summary>
    /// <example>
    /// <code>
    /// using var device = VirtualDeviceHost.StartOwning(new VirtualBoard(), new DeviceOptions(), new ConsoleLog("device"));
    /// // connect to 127.0.0.1:device.Port; Dispose stops the server, then the board
    /// </code>
    /// A caller that keeps the board beyond the device (e.g. to start another device on it) uses
    /// <see cref="Start(VirtualBoard, DeviceOptions, ILog)"/> and disposes the board itself:
    /// <code>
    /// using var board = new VirtualBoard();
    /// using var device = VirtualDeviceHost.Start(board, new DeviceOptions(), new ConsoleLog("device"));
    /// </code>
    /// </example>
    public sealed class VirtualDeviceHost : IDisposable
    {
        /// <summary>Longest <see cref="Dispose"/> waits for the server to stop.</summary>
        public const int StopTimeoutMs = 10000;

        private readonly SocketTransportListener _listener;
        private readonly Thread _acceptThread;
        private readonly ILog _log;
        private readonly bool _ownsBoard;
        private Exception? _failure;
        private int _disposed;

        private VirtualDeviceHost(VirtualBoard board, bool ownsBoard, DeviceServer server, SocketTransportListener listener, ILog log)
        {
            Board = board;
            _ownsBoard = ownsBoard;
            Server = server;
            _listener = listener;
            _log = log;
            _acceptThread = new Thread(RunServer) { IsBackground = true, Name = "VirtualDevice accept loop" };
        }

        /// <summary>The port the device listens on at 127.0.0.1.</summary>
        public int Port => _listener.Port;

        /// <summary>The address it listens on (loopback).</summary>
        public IPAddress Address => IPAddress.Loopback;

        /// <summary>The simulated board the commands act on (disposed with the host when started by <see cref="StartOwning"/>).</summary>
        public VirtualBoard Board { get; }

        /// <summary>The device server.</summary>
        public DeviceServer Server { get; }

        /// <summary>The exception that ended the accept loop, if any (null while running or after a clean stop).</summary>
        public Exception? Failure => Volatile.Read(ref _failure);

        /// <summary>Starts a device on 127.0.0.1 at a port the system picks.</summary>
        /// <param name="board">The virtual board (owned by the caller; not disposed here).</param>
        /// <param name="options">Device settings.</param>
        /// <param name="log">Device log.</param>
        /// <returns>The running device.</returns>
        public static VirtualDeviceHost Start(VirtualBoard board, DeviceOptions options, ILog log) => Start(board, options, log, 0);

        /// <summary>Starts a device on 127.0.0.1 at <paramref name="port"/>.</summary>
        /// <param name="board">The virtual board (owned by the caller; not disposed here).</param>
        /// <param name="options">Device settings.</param>
        /// <param name="log">Device log.</param>
        /// <param name="port">TCP port, 0 for a free one.</param>
        /// <returns>The running device.</returns>
        /// <exception cref="ArgumentException">The options are invalid for the board.</exception>
        /// <exception cref="System.Net.Sockets.SocketException">The port cannot be bound.</exception>
        public static VirtualDeviceHost Start(VirtualBoard board, DeviceOptions options, ILog log, int port) =>
            Start(board, ownsBoard: false, options, log, port);

        /// <summary>
        /// Starts a device on 127.0.0.1 that owns <paramref name="board"/>: <see cref="Dispose"/> disposes the board
        /// after the server stopped, and a start that throws disposes it before throwing, so its GPIO event thread
        /// never outlives the device.
        /// </summary>
        /// <param name="board">The virtual board, handed over.</param>
        /// <param name="options">Device settings.</param>
        /// <param name="log">Device log.</param>
        /// <param name="port">TCP port, 0 (the default) for a free one.</param>
        /// <returns>The running device.</returns>
        /// <exception cref="ArgumentException">The options are invalid for the board.</exception>
        /// <exception cref="System.Net.Sockets.SocketException">The port cannot be bound.</exception>
        public static VirtualDeviceHost StartOwning(VirtualBoard board, DeviceOptions options, ILog log, int port = 0)
        {
            ArgumentNullException.ThrowIfNull(board);
            try
            {
                return Start(board, ownsBoard: true, options, log, port);
            }
            catch
            {
                board.Dispose();
                throw;
            }
        }

        private static VirtualDeviceHost Start(VirtualBoard board, bool ownsBoard, DeviceOptions options, ILog log, int port)
        {
            ArgumentNullException.ThrowIfNull(board);
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(log);
            ArgumentOutOfRangeException.ThrowIfNegative(port);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
            // Bind first: a port that is taken must fail before the server touches the board (boot failsafe levels).
            SocketTransportListener listener = new(IPAddress.Loopback, port, SocketTransportListener.PlatformMaximumBacklog);
            DeviceServer server;
            try
            {
                server = new DeviceServer(board.Services, options, log);
            }
            catch
            {
                listener.Close();
                throw;
            }

            VirtualDeviceHost host = new(board, ownsBoard, server, listener, log);
            host._acceptThread.Start();
            return host;
        }

        /// <summary>Stops the server (every connection closes, failsafe levels apply) and waits for it, at most
        /// <see cref="StopTimeoutMs"/>; then disposes the board when the host owns it (<see cref="StartOwning"/>).</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            Server.Stop();
            if (!_acceptThread.Join(StopTimeoutMs))
            {
                _log.Error("virtual device: the server did not stop within " + StopTimeoutMs + " ms");
            }

            if (_ownsBoard)
            {
                Board.Dispose();
            }
        }

        private void RunServer()
        {
            try
            {
                Server.Run(_listener);
            }
            catch (Exception e)
            {
                Volatile.Write(ref _failure, e);
                _log.Error("virtual device: the accept loop failed: " + e.Message);
                _listener.Close();
            }
        }
    }
}
