using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Client;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Harness
{
    /// <summary>
    /// Sends frames to a device in every chunking TCP can produce and checks every answer: PING replies by
    /// id, status and echo; FRAMING_ERROR events for injected garbage, oversized and empty frames; the good
    /// frames around them still answered. Each strategy runs on its own connection.
    /// </summary>
    public static class ChunkingHarness
    {
        private const int ReceiveBufferBytes = 16 * 1024;
        private const byte WarmUpRequestId = 1;

        /// <summary>Runs every strategy of <paramref name="options"/> against the device.</summary>
        /// <param name="options">What to send and where.</param>
        /// <param name="progress">Receives progress, or null.</param>
        /// <param name="cancellationToken">Stops the run.</param>
        /// <returns>The report; <see cref="HarnessReport.Passed"/> is false on any mismatch.</returns>
        /// <exception cref="DeviceConnectionException">The device cannot be reached.</exception>
        public static async Task<HarnessReport> RunAsync(HarnessOptions options, IProgress<HarnessProgress>? progress, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(options);
            options.Validate();
            DeviceHello hello;
            var clientOptions = new TlvClientOptions { ConnectTimeout = options.ConnectTimeout, RequestTimeout = options.ReplyTimeout };
            await using (TlvClient client = await TlvClient.ConnectAsync(options.Host, options.Port, clientOptions, cancellationToken).ConfigureAwait(false))
            {
                hello = await client.HelloAsync(null, null, cancellationToken).ConfigureAwait(false);
            }

            int maxPingBytes = Math.Min(options.MaxPingBytes, hello.MaxArgumentBytes);
            var counter = new ProgressCounter(progress, options.Strategies.Count * options.FramesPerStrategy);
            var results = new StrategyResult[options.Strategies.Count];
            for (int i = 0; i < results.Length; i++)
            {
                HarnessStrategy strategy = options.Strategies[i];

                // A random source per strategy: running a subset of strategies sends the same bytes for each.
                var random = new Random(unchecked((options.Seed * 397) ^ (int)strategy));
                HarnessPlan plan = HarnessPlan.Build(strategy, options.FramesPerStrategy, random, maxPingBytes, hello.MaxPayloadBytes);
                results[i] = await RunStrategyAsync(options, strategy, plan, random, counter, cancellationToken).ConfigureAwait(false);
            }

            return new HarnessReport(options.Seed, hello.MaxPayloadBytes, results);
        }

        private static async Task<StrategyResult> RunStrategyAsync(
            HarnessOptions options, HarnessStrategy strategy, HarnessPlan plan, Random random, ProgressCounter counter, CancellationToken cancellationToken)
        {
            var result = new StrategyResult(strategy)
            {
                RequestsSent = plan.Items.Count(item => item.Kind == PlannedItemKind.Ping),
                FaultsSent = plan.Items.Count(item => item.Kind != PlannedItemKind.Ping),
            };
            var writes = ChunkPlanner.Split(strategy, plan, random, options.ChunkBytes);
            using TcpClient tcp = await ConnectAsync(options, cancellationToken).ConfigureAwait(false);
            NetworkStream stream = tcp.GetStream();
            if (!await WarmUpAsync(stream, options.ReplyTimeout, cancellationToken).ConfigureAwait(false))
            {
                result.Mismatch = new HarnessMismatch(result.Name, WarmUpRequestId, "PING reply id " + WarmUpRequestId + " to the warm-up request", "no reply within " + options.ReplyTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms");
                return result;
            }

            var run = new StrategyRun(plan, result, counter, options.ReplyTimeout);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            long started = Stopwatch.GetTimestamp();
            Task writer = WriteAsync(stream, plan, writes, run, options.DelayMs, stop.Token);
            await VerifyAsync(stream, run, stop.Token).ConfigureAwait(false);
            result.Elapsed = Stopwatch.GetElapsedTime(started);
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The writer stops when verification ends early; its failure is the mismatch already reported.
            }

            cancellationToken.ThrowIfCancellationRequested();
            return result;
        }

        /// <summary>One PING round trip before the measured stream, so latencies do not include the device
        /// accepting the connection.</summary>
        private static async Task<bool> WarmUpAsync(NetworkStream stream, TimeSpan timeout, CancellationToken cancellationToken)
        {
            byte[] frame = RequestFrame.Build(Opcode.Ping, WarmUpRequestId, ReadOnlyMemory<byte>.Empty);
            await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var extractor = new FrameExtractor(FrameFormat.MaxEncodablePayloadBytes);
            var buffer = new byte[ReceiveBufferBytes];
            try
            {
                while (true)
                {
                    int received = await stream.ReadAsync(buffer, limit.Token).ConfigureAwait(false);
                    if (received == 0)
                    {
                        return false;
                    }

                    extractor.Feed(buffer, 0, received);
                    FrameReadResult next;
                    while ((next = extractor.Next()) != FrameReadResult.NeedMoreData)
                    {
                        if (next == FrameReadResult.Frame
                            && IncomingMessage.TryParse(new ReadOnlySpan<byte>(extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength), out IncomingMessage? reply)
                            && reply.IsReply && reply.RequestId == WarmUpRequestId)
                        {
                            return true;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (IOException)
            {
                return false;
            }
        }

        private static async Task<TcpClient> ConnectAsync(HarnessOptions options, CancellationToken cancellationToken)
        {
            var tcp = new TcpClient { NoDelay = true };
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(options.ConnectTimeout);
            try
            {
                await tcp.ConnectAsync(options.Host, options.Port, limit.Token).ConfigureAwait(false);
                return tcp;
            }
            catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                tcp.Dispose();
                throw new DeviceConnectionException("Cannot connect to " + TlvClient.FormatEndpoint(options.Host, options.Port) + ": " + ex.Message, ex);
            }
        }

        private static async Task WriteAsync(NetworkStream stream, HarnessPlan plan, IReadOnlyList<(int Offset, int Count)> writes, StrategyRun run, int delayMs, CancellationToken cancellationToken)
        {
            try
            {
                int item = 0;
                foreach ((int offset, int count) in writes)
                {
                    int end = offset + count;
                    long now = Stopwatch.GetTimestamp();
                    while (item < plan.Items.Count && plan.Items[item].End <= end)
                    {
                        run.MarkWritten(item++, now);
                    }

                    await stream.WriteAsync(plan.Stream.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
                    run.Result.Writes++;
                    run.Result.BytesSent += count;
                    if (delayMs > 0)
                    {
                        await Task.Delay(delayMs, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                run.WriterFinished = true;
            }
        }

        private static async Task VerifyAsync(NetworkStream stream, StrategyRun run, CancellationToken cancellationToken)
        {
            var buffer = new byte[ReceiveBufferBytes];
            var extractor = new FrameExtractor(FrameFormat.MaxEncodablePayloadBytes);
            while (!run.IsDone)
            {
                int received;
                using (var readLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    readLimit.CancelAfter(run.ReplyTimeout);
                    try
                    {
                        received = await stream.ReadAsync(buffer, readLimit.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (run.IsExpectedWritten)
                        {
                            run.Fail("nothing within " + run.ReplyTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms");
                        }

                        // Otherwise the writer is still sending the frame; keep waiting.
                        continue;
                    }
                    catch (IOException ex)
                    {
                        run.Fail("a connection failure (" + ex.Message + ")");
                        return;
                    }
                }

                if (received == 0)
                {
                    run.Fail("the device closing the connection");
                    return;
                }

                extractor.Feed(buffer, 0, received);
                FrameReadResult frame;
                while (!run.IsDone && (frame = extractor.Next()) != FrameReadResult.NeedMoreData)
                {
                    if (frame == FrameReadResult.Frame)
                    {
                        run.Check(new ReadOnlySpan<byte>(extractor.FrameBuffer, extractor.FrameOffset, extractor.FrameLength), Stopwatch.GetTimestamp());
                    }
                    else if (frame == FrameReadResult.Resynchronized)
                    {
                        run.Fail(extractor.LastSkippedBytes + " bytes that are not a frame");
                    }
                }
            }
        }
    }
}
