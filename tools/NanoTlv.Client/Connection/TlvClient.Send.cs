using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>The send side: one request frame per write, under the write lock, then wait for the reply.</summary>
    public sealed partial class TlvClient
    {
        // The timeout covers the whole call: waiting for the write lock (behind writes a device is slow to take),
        // the write and the reply. It may expire before the frame is written; the request is then never sent and the
        // caller gets the same TimeoutException. OperationCanceledException means the caller's token, nothing else.
        private async Task<IncomingMessage> SendAsync(Opcode opcode, ReadOnlyMemory<byte> arguments, string? target, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            ThrowIfDisposed();
            TimeSpan limit = timeout ?? _options.RequestTimeout;
            TlvClientOptions.CheckRequestTimeout(limit, nameof(timeout));
            DeviceConnection connection = RequireOpenConnection();
            CheckFitsDevice(opcode, arguments.Length);
            PendingRequest request = _tracker.Register(opcode, target);
            byte[] frame = RequestFrame.Build(opcode, request.Id, arguments);
            using var waitLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (limit != Timeout.InfiniteTimeSpan)
            {
                waitLimit.CancelAfter(limit);
            }

            try
            {
                await WriteFrameAsync(connection, request, frame, waitLimit.Token).ConfigureAwait(false);
                return await request.Completion.Task.WaitAsync(waitLimit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && waitLimit.IsCancellationRequested)
            {
                _tracker.Abandon(request);
                throw new TimeoutException(request.Describe() + " got no reply within " + limit.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms.");
            }
            catch (OperationCanceledException)
            {
                _tracker.Abandon(request);
                throw;
            }
        }

        private async Task WriteFrameAsync(DeviceConnection connection, PendingRequest request, byte[] frame, CancellationToken cancellationToken)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!connection.IsOpen)
                {
                    _tracker.Abandon(request);
                    request.Completion.TrySetException(ConnectionLost(connection, request));
                    return;
                }

                _tracker.MarkSent(request);

                // Written with the connection's token only: a frame cut short by a caller's timeout would
                // corrupt the stream for every request behind it.
                await connection.Stream.WriteAsync(frame, connection.Stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // Ending the connection fails every request in flight, this one included.
                EndConnection(connection, "writing failed: " + ex.Message, byClient: false);
                request.Completion.TrySetException(ConnectionLost(connection, request));
            }
            finally
            {
                _writeLock.Release();
            }
        }

        private DeviceConnection RequireOpenConnection()
        {
            DeviceConnection? connection = Volatile.Read(ref _connection);
            if (connection is null || !connection.IsOpen)
            {
                string why = connection?.LostReason is string reason ? ": " + reason : string.Empty;
                throw new DeviceConnectionException("Not connected to " + Endpoint + why + ".");
            }

            return connection;
        }

        private void CheckFitsDevice(Opcode opcode, int argumentBytes)
        {
            if (Hello is DeviceHello hello && argumentBytes > hello.MaxArgumentBytes)
            {
                throw new ArgumentException(
                    MessageCatalog.NameOf((byte)opcode) + " with " + argumentBytes + " argument bytes does not fit the device's "
                    + hello.MaxPayloadBytes + "-byte payload limit (at most " + hello.MaxArgumentBytes + " argument bytes).");
            }
        }
    }
}
