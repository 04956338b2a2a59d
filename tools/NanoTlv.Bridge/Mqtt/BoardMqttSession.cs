using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// One board's connection to the broker. Its last will is the board's retained "offline", so the broker
    /// marks the board unavailable when the bridge vanishes. It reconnects with backoff for ever, and after
    /// every (re)connection subscribes to the board's <c>set/#</c> and <c>cmd/#</c> again and republishes every
    /// retained message it has published: a broker that restarted without persistence is refilled.
    /// Requests are queued and handed to one consumer in arrival order.
    /// </summary>
    /// <remarks>
    /// Three ways to publish: <see cref="PublishAsync"/> (QoS 1, waits for the broker's acknowledgement),
    /// <see cref="PublishEventAsync"/> (QoS 0, for the stream of input events: one socket write, no round trip, so a
    /// board changing at 100 Hz is not held back by broker round trips) and <see cref="PublishLatestState"/> (a
    /// retained state that only needs its newest value on the broker: a writer task publishes the newest value per
    /// topic at QoS 1 and skips values that were superseded while it waited).
    /// </remarks>
    internal sealed class BoardMqttSession : IAsyncDisposable
    {
        private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan BrokerKeepAlive = TimeSpan.FromSeconds(15);

        private readonly BridgeOptions _options;
        private readonly BoardTopics _topics;
        private readonly IMqttClient _client;
        private readonly BrokerCertificateCheck _certificateCheck;
        private readonly Dictionary<string, string> _retained = new(StringComparer.Ordinal);
        private readonly SemaphoreSlim _retainedGate = new(1, 1);
        private readonly SemaphoreSlim _disconnected = new(0, 1);
        private readonly Channel<MqttApplicationMessage> _requests = Channel.CreateUnbounded<MqttApplicationMessage>(new UnboundedChannelOptions { SingleReader = true });
        private readonly CancellationTokenSource _stopping = new();
        private readonly Dictionary<string, string> _latestStates = new(StringComparer.Ordinal);
        private readonly Channel<bool> _latestStatesPending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private Task _supervisor = Task.CompletedTask;
        private Task _stateWriter = Task.CompletedTask;
        private long _droppedPublishes;

        public BoardMqttSession(BridgeOptions options, BoardTopics topics)
        {
            _options = options;
            _topics = topics;
            _certificateCheck = BrokerCertificateCheck.For(options);
            _client = new MqttClientFactory().CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += e =>
            {
                _requests.Writer.TryWrite(e.ApplicationMessage);
                return Task.CompletedTask;
            };
            _client.DisconnectedAsync += e =>
            {
                if (e.ClientWasConnected && !_stopping.IsCancellationRequested)
                {
                    Log("broker connection lost (" + (e.Exception?.Message ?? e.Reason.ToString()) + "); reconnecting");
                }

                if (_disconnected.CurrentCount == 0)
                {
                    _disconnected.Release();
                }

                return Task.CompletedTask;
            };
        }

        /// <summary>Requests (<c>set/...</c>, <c>cmd/...</c>) in arrival order.</summary>
        public ChannelReader<MqttApplicationMessage> Requests => _requests.Reader;

        /// <summary>True while connected to the broker.</summary>
        public bool IsConnected => _client.IsConnected;

        /// <summary>Non-retained messages lost because the broker was unreachable.</summary>
        public long DroppedPublishes => Interlocked.Read(ref _droppedPublishes);

        /// <summary>Starts connecting in the background; <paramref name="initialAvailability"/> is the board's
        /// availability until the board says otherwise.</summary>
        /// <param name="initialAvailability">Online or offline.</param>
        /// <returns>A task that completes once the first publish is queued.</returns>
        public async Task StartAsync(string initialAvailability)
        {
            await PublishAsync(_topics.Availability, initialAvailability, retain: true).ConfigureAwait(false);
            _supervisor = Task.Run(SuperviseAsync, CancellationToken.None);
            _stateWriter = Task.Run(WriteLatestStatesAsync, CancellationToken.None);
        }

        /// <summary>Publishes a non-retained event at QoS 0; dropped (and counted) while the broker is away.</summary>
        /// <param name="topic">The topic.</param>
        /// <param name="payload">The payload text (UTF-8).</param>
        /// <returns>A task that completes when the message is written to the broker connection.</returns>
        public Task PublishEventAsync(string topic, string payload) =>
            SendAsync(topic, payload, retain: false, MqttQualityOfServiceLevel.AtMostOnce);

        /// <summary>Queues <paramref name="payload"/> as the newest retained state of <paramref name="topic"/>; the
        /// state writer publishes it at QoS 1 unless a newer value for the topic arrives first.</summary>
        /// <param name="topic">The topic.</param>
        /// <param name="payload">The payload text (UTF-8).</param>
        public void PublishLatestState(string topic, string payload)
        {
            lock (_latestStates)
            {
                _latestStates[topic] = payload;
            }

            _latestStatesPending.Writer.TryWrite(true);
        }

        /// <summary>
        /// Publishes at QoS 1. A retained message is remembered (and sent again after every reconnection), so
        /// it is never lost; a non-retained message published while the broker is away is dropped and counted.
        /// </summary>
        /// <param name="topic">The topic.</param>
        /// <param name="payload">The payload text (UTF-8).</param>
        /// <param name="retain">Retain on the broker.</param>
        /// <returns>A task that completes when the broker acknowledged, or the message was dropped.</returns>
        public async Task PublishAsync(string topic, string payload, bool retain)
        {
            if (!retain)
            {
                await SendAsync(topic, payload, retain: false, MqttQualityOfServiceLevel.AtLeastOnce).ConfigureAwait(false);
                return;
            }

            await _retainedGate.WaitAsync().ConfigureAwait(false);
            try
            {
                _retained[topic] = payload;
                await SendAsync(topic, payload, retain: true, MqttQualityOfServiceLevel.AtLeastOnce).ConfigureAwait(false);
            }
            finally
            {
                _retainedGate.Release();
            }
        }

        /// <summary>Publishes the board's "offline" and leaves the broker cleanly.</summary>
        /// <returns>A task that completes when disconnected.</returns>
        public async ValueTask DisposeAsync()
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            await PublishAsync(_topics.Availability, BoardTopics.Offline, retain: true).ConfigureAwait(false);
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _supervisor.ConfigureAwait(false);
            await _stateWriter.ConfigureAwait(false);
            if (_client.IsConnected)
            {
                await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, "bridge stopped").ConfigureAwait(false);
            }

            _requests.Writer.TryComplete();
            _client.Dispose();
        }

        private async Task WriteLatestStatesAsync()
        {
            try
            {
                while (await _latestStatesPending.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
                {
                    _latestStatesPending.Reader.TryRead(out _);
                    KeyValuePair<string, string>[] batch;
                    lock (_latestStates)
                    {
                        batch = [.. _latestStates];
                        _latestStates.Clear();
                    }

                    foreach (KeyValuePair<string, string> state in batch)
                    {
                        await PublishAsync(state.Key, state.Value, retain: true).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }

        private async Task SendAsync(string topic, string payload, bool retain, MqttQualityOfServiceLevel qos)
        {
            if (!_client.IsConnected)
            {
                if (!retain)
                {
                    Interlocked.Increment(ref _droppedPublishes);
                }

                return;
            }

            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(Encoding.UTF8.GetBytes(payload))
                .WithQualityOfServiceLevel(qos)
                .WithRetainFlag(retain)
                .Build();
            try
            {
                await _client.PublishAsync(message, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                // The connection went while sending; a retained message goes again after reconnecting.
                if (!retain)
                {
                    Interlocked.Increment(ref _droppedPublishes);
                }
            }
        }

        private async Task SuperviseAsync()
        {
            int attempt = 0;
            while (!_stopping.IsCancellationRequested)
            {
                try
                {
                    if (!_client.IsConnected)
                    {
                        await ConnectAsync().ConfigureAwait(false);
                        attempt = 0;
                    }

                    // Woken by every disconnection (also of failed attempts); the loop checks which it was.
                    await _disconnected.WaitAsync(_stopping.Token).ConfigureAwait(false);
                    continue;
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
                {
                    if (attempt == 0)
                    {
                        Log("cannot reach the broker at " + _options.BrokerHost + ":" + _options.BrokerPort + ": " + (_certificateCheck.LastProblem ?? ex.Message) + "; retrying");
                    }
                }

                attempt++;
                try
                {
                    await Task.Delay(_options.Reconnect.DelayBefore(attempt), _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private async Task ConnectAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(ConnectTimeout);
            await _client.ConnectAsync(BuildOptions(), timeout.Token).ConfigureAwait(false);
            MqttClientSubscribeOptions subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(_topics.SetFilter, MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(_topics.CommandFilter, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            await _client.SubscribeAsync(subscribe, timeout.Token).ConfigureAwait(false);
            await RepublishRetainedAsync().ConfigureAwait(false);
            Log("connected to the broker at " + _options.BrokerHost + ":" + _options.BrokerPort);
        }

        private async Task RepublishRetainedAsync()
        {
            await _retainedGate.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                foreach (KeyValuePair<string, string> retained in _retained)
                {
                    await SendAsync(retained.Key, retained.Value, retain: true, MqttQualityOfServiceLevel.AtLeastOnce).ConfigureAwait(false);
                }
            }
            finally
            {
                _retainedGate.Release();
            }
        }

        private MqttClientOptions BuildOptions()
        {
            MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
                .WithTcpServer(_options.BrokerHost, _options.BrokerPort)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId(_options.ClientIdPrefix + "-" + _topics.BoardId)
                .WithCleanStart(true)
                .WithKeepAlivePeriod(BrokerKeepAlive)
                .WithTimeout(ConnectTimeout)
                .WithWillTopic(_topics.Availability)
                .WithWillPayload(BoardTopics.Offline)
                .WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
            if (_options.UserName is not null)
            {
                builder.WithCredentials(_options.UserName, _options.Password ?? string.Empty);
            }

            if (_options.UseTls)
            {
                builder.WithTlsOptions(tls =>
                {
                    tls.UseTls().WithTargetHost(_options.BrokerHost);
                    if (_options.AllowUntrustedCertificates)
                    {
                        tls.WithAllowUntrustedCertificates(true)
                            .WithIgnoreCertificateChainErrors(true)
                            .WithCertificateValidationHandler(_ => true);
                    }
                    else
                    {
                        tls.WithCertificateValidationHandler(_certificateCheck.Validate);
                    }
                });
            }

            return builder.Build();
        }

        private void Log(string message) => _options.Log?.Invoke(_topics.BoardId + ": " + message);
    }
}
