using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>
    /// An asynchronous client of one NanoTlv device over TCP. Requests are pipelined: any number may be in
    /// flight; one reader task matches replies to requests by id and delivers events as they arrive.
    /// Thread-safe: requests may be sent from any thread.
    /// </summary>
    /// <remarks>
    /// Data path: <c>socket → FrameExtractor → IncomingMessage → RequestTracker (replies) | event channel (events)</c>.
    /// Requests are framed with the shared <see cref="MessageWriter"/> and written one whole frame at a time
    /// under a lock, with TCP_NODELAY.
    /// <code>
    /// await using var client = await TlvClient.ConnectAsync("192.168.1.50", 5150);
    /// await client.HelloAsync("secret");
    /// await client.SetPinModeAsync(2, PinMode.Output);
    /// await client.DigitalWriteAsync(2, true);
    /// </code>
    /// </remarks>
    public sealed partial class TlvClient : IAsyncDisposable
    {
        private const int ReceiveBufferBytes = 16 * 1024;

        private readonly TlvClientOptions _options;
        private readonly RequestTracker _tracker = new();
        private readonly SemaphoreSlim _writeLock = new(1, 1);
        private readonly SemaphoreSlim _reconnectLock = new(1, 1);
        private readonly CancellationTokenSource _disposing = new();
        private readonly Channel<DeviceEvent> _events;
        private readonly ConcurrentDictionary<int, (PinEdges Edges, int DebounceMs)> _subscriptions = new();
        private readonly ConcurrentDictionary<int, bool> _failsafes = new();
        private DeviceConnection? _connection;
        private string? _helloToken;
        private long _droppedEvents;
        private int _disposed;
        private Task _keepAlive = Task.CompletedTask;

        private TlvClient(string host, int port, TlvClientOptions options)
        {
            Host = host;
            Port = port;
            _options = options;
            _events = Channel.CreateBounded<DeviceEvent>(
                new BoundedChannelOptions(options.EventBufferCapacity) { FullMode = BoundedChannelFullMode.DropOldest },
                _ => Interlocked.Increment(ref _droppedEvents));
        }

        /// <summary>
        /// Raised for every event, on the reader's thread, before it is queued for <see cref="Events"/>.
        /// Keep handlers short: replies wait while a handler runs. Exceptions thrown by handlers are ignored.
        /// </summary>
        public event EventHandler<DeviceEventArgs>? EventReceived;

        /// <summary>The device's host name or address.</summary>
        public string Host { get; }

        /// <summary>The device's TCP port.</summary>
        public int Port { get; }

        /// <summary>True while the connection is open.</summary>
        public bool IsConnected => Volatile.Read(ref _connection)?.IsOpen == true;

        /// <summary>The last successful HELLO reply on this client, or null.</summary>
        public DeviceHello? Hello { get; private set; }

        /// <summary>Requests sent (or being sent) and not yet answered.</summary>
        public int RequestsInFlight => _tracker.InFlight;

        /// <summary>Events dropped because <see cref="Events"/> was not read fast enough.</summary>
        public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

        /// <summary>Replies that arrived after their request timed out or was cancelled.</summary>
        public long LateReplies => _tracker.LateReplies;

        /// <summary>Connects to the device at <paramref name="host"/>:<paramref name="port"/>.</summary>
        /// <param name="host">Host name or address.</param>
        /// <param name="port">TCP port.</param>
        /// <param name="options">Settings; null for the defaults.</param>
        /// <param name="cancellationToken">Cancels the connect.</param>
        /// <returns>The connected client.</returns>
        /// <exception cref="DeviceConnectionException">The connection could not be made in time.</exception>
        public static async Task<TlvClient> ConnectAsync(string host, int port, TlvClientOptions? options = null, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(host);
            ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, ushort.MaxValue);
            options ??= new TlvClientOptions();
            options.Validate();
            var client = new TlvClient(host, port, options);
            try
            {
                Volatile.Write(ref client._connection, await client.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
                if (options.KeepAliveInterval is TimeSpan interval)
                {
                    client._keepAlive = client.KeepAliveAsync(interval);
                }
            }
            catch
            {
                await client.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return client;
        }

        /// <summary>
        /// Events in arrival order: <see cref="PinChangedEvent"/>, <see cref="FramingErrorEvent"/> and the others
        /// derived from <see cref="DeviceEvent"/>. Events are buffered from the moment the client connects; meant
        /// for one reader at a time. The sequence ends when the client is disposed.
        /// </summary>
        /// <param name="cancellationToken">Ends the enumeration.</param>
        /// <returns>The events.</returns>
        public IAsyncEnumerable<DeviceEvent> Events(CancellationToken cancellationToken = default) =>
            _events.Reader.ReadAllAsync(cancellationToken);

        /// <summary>
        /// Sends any request and returns the reply whatever its status (no <see cref="DeviceException"/>).
        /// For tests and tools; the typed methods are the normal way. Opcodes 0x70 and above cannot be answered
        /// distinguishably: their reply code (opcode | 0x80) falls in the event range (0xF0 and above).
        /// </summary>
        /// <param name="opcode">The opcode byte (unknown values are sent as they are).</param>
        /// <param name="arguments">The argument bytes after the request header.</param>
        /// <param name="timeout">How long to wait for the reply; null for <see cref="TlvClientOptions.RequestTimeout"/>.</param>
        /// <param name="cancellationToken">Cancels waiting.</param>
        /// <returns>The reply.</returns>
        /// <exception cref="TimeoutException">No reply in time.</exception>
        /// <exception cref="DeviceConnectionException">The connection is or got lost.</exception>
        /// <exception cref="TlvProtocolException">The reply's opcode is not the request's.</exception>
        public async Task<TlvReply> SendRawAsync(Opcode opcode, ReadOnlyMemory<byte> arguments, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            IncomingMessage reply = await SendAsync(opcode, arguments, null, timeout, cancellationToken).ConfigureAwait(false);
            return new TlvReply(opcode, reply.RequestId, reply.Status, reply.Data);
        }

        /// <summary>
        /// Drops the current connection (failing requests in flight) and connects again with the exponential
        /// backoff of <see cref="TlvClientOptions.Reconnect"/>. On success HELLO (with the last token), the
        /// subscriptions and the failsafe levels of this client are sent again.
        /// </summary>
        /// <param name="cancellationToken">Cancels the attempts.</param>
        /// <returns>A task that completes when connected.</returns>
        /// <exception cref="DeviceConnectionException">Every attempt failed.</exception>
        public async Task ReconnectAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            await _reconnectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                DeviceConnection? old = Volatile.Read(ref _connection);
                if (old is not null)
                {
                    EndConnection(old, "closed for reconnection", byClient: true);
                }

                ReconnectPolicy policy = _options.Reconnect;
                Exception? lastError = null;
                for (int attempt = 0; attempt < policy.MaxAttempts; attempt++)
                {
                    await Task.Delay(policy.DelayBefore(attempt), cancellationToken).ConfigureAwait(false);
                    try
                    {
                        Volatile.Write(ref _connection, await OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
                        await RestoreSessionAsync(cancellationToken).ConfigureAwait(false);
                        Publish(new ReconnectedEvent(attempt + 1));
                        return;
                    }
                    catch (Exception ex) when (ex is DeviceConnectionException or TimeoutException)
                    {
                        lastError = ex;
                    }
                }

                throw new DeviceConnectionException(
                    "Could not reconnect to " + Endpoint + " in " + policy.MaxAttempts + " attempts: " + lastError?.Message, lastError);
            }
            finally
            {
                _reconnectLock.Release();
            }
        }

        /// <summary>Closes the connection; requests in flight fail with <see cref="DeviceConnectionException"/>
        /// and <see cref="Events"/> ends.</summary>
        /// <returns>A task that completes when the reader has stopped.</returns>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            await _disposing.CancelAsync().ConfigureAwait(false);
            await _keepAlive.ConfigureAwait(false);
            DeviceConnection? connection = Volatile.Read(ref _connection);
            if (connection is not null)
            {
                EndConnection(connection, "the client was disposed", byClient: true);
                await connection.ReadLoop.ConfigureAwait(false);
            }

            _tracker.FailAll(request => new DeviceConnectionException(request.Describe() + " failed: the client was disposed."));
            _events.Writer.TryComplete();
        }

        /// <summary>PINGs every <paramref name="interval"/> until the client is disposed.</summary>
        private async Task KeepAliveAsync(TimeSpan interval)
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(_disposing.Token).ConfigureAwait(false))
                {
                    if (!IsConnected)
                    {
                        continue;
                    }

                    try
                    {
                        await PingAsync(ReadOnlyMemory<byte>.Empty, null, _disposing.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is DeviceConnectionException or TimeoutException or TlvProtocolException or DeviceException)
                    {
                        // The reader reports a lost connection (and reconnects when asked to); a late PING is harmless.
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        }

        private string Endpoint => FormatEndpoint(Host, Port);

        /// <summary>An endpoint as people write it: host:port, an IPv6 address in brackets ([::1]:5150).</summary>
        /// <param name="host">Host name or address.</param>
        /// <param name="port">TCP port.</param>
        /// <returns>The text.</returns>
        public static string FormatEndpoint(string host, int port)
        {
            ArgumentNullException.ThrowIfNull(host);
            return (host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);
        }

        private async Task<DeviceConnection> OpenConnectionAsync(CancellationToken cancellationToken)
        {
            var tcp = new TcpClient { NoDelay = true };
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            connectTimeout.CancelAfter(_options.ConnectTimeout);
            try
            {
                await tcp.ConnectAsync(Host, Port, connectTimeout.Token).ConfigureAwait(false);
                tcp.NoDelay = true;
            }
            catch (SocketException ex)
            {
                tcp.Dispose();
                throw new DeviceConnectionException("Cannot connect to " + Endpoint + ": " + ex.Message, ex);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_disposing.IsCancellationRequested)
            {
                tcp.Dispose();
                throw new DeviceConnectionException(
                    "Connecting to " + Endpoint + " timed out after " + _options.ConnectTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms.");
            }
            catch
            {
                tcp.Dispose();
                throw;
            }

            var connection = new DeviceConnection(tcp, Endpoint);
            connection.ReadLoop = Task.Run(() => ReadLoopAsync(connection), CancellationToken.None);
            return connection;
        }

        private async Task RestoreSessionAsync(CancellationToken cancellationToken)
        {
            if (Hello is not null)
            {
                await HelloAsync(_helloToken, null, cancellationToken).ConfigureAwait(false);
            }

            foreach (KeyValuePair<int, (PinEdges Edges, int DebounceMs)> subscription in _subscriptions)
            {
                await SubscribeAsync(subscription.Key, subscription.Value.Edges, subscription.Value.DebounceMs, null, cancellationToken).ConfigureAwait(false);
            }

            foreach (KeyValuePair<int, bool> failsafe in _failsafes)
            {
                await SetFailsafeAsync(failsafe.Key, failsafe.Value, null, cancellationToken).ConfigureAwait(false);
            }
        }

        private void EndConnection(DeviceConnection connection, string reason, bool byClient)
        {
            if (!connection.TryEnd(reason))
            {
                return;
            }

            _tracker.FailAll(request => ConnectionLost(connection, request));
            if (byClient)
            {
                return;
            }

            bool reconnect = _options.AutoReconnect && Volatile.Read(ref _disposed) == 0;
            Publish(new ConnectionLostEvent(reason, reconnect));
            if (reconnect)
            {
                _ = Task.Run(ReconnectInBackgroundAsync, CancellationToken.None);
            }
        }

        private async Task ReconnectInBackgroundAsync()
        {
            try
            {
                await ReconnectAsync(_disposing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
            {
                // Disposed while reconnecting.
            }
            catch (ObjectDisposedException)
            {
                // Disposed while reconnecting.
            }
            catch (Exception ex) when (ex is DeviceConnectionException or DeviceException or TimeoutException or TlvProtocolException)
            {
                Publish(new ConnectionLostEvent("reconnection failed: " + ex.Message, false));
            }
        }

        private static DeviceConnectionException ConnectionLost(DeviceConnection connection, PendingRequest request) =>
            new(request.Describe() + " failed: connection to " + connection.Endpoint + " lost (" + (connection.LostReason ?? "closed") + ").");

        private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
    }
}
