using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace NanoTlv.Bridge.Tests.Support
{
    /// <summary>One message a probe received.</summary>
    public sealed record ProbeMessage(string Topic, string Payload, bool Retained);

    /// <summary>A test's own MQTT client: subscribes to everything, records what arrives, publishes requests.</summary>
    public sealed class MqttProbe : IAsyncDisposable
    {
        public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

        private readonly IMqttClient _client;
        private readonly List<ProbeMessage> _messages = new();
        private readonly SemaphoreSlim _arrived = new(0);

        private MqttProbe(IMqttClient client)
        {
            _client = client;
            _client.ApplicationMessageReceivedAsync += e =>
            {
                lock (_messages)
                {
                    _messages.Add(new ProbeMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString() ?? string.Empty, e.ApplicationMessage.Retain));
                }

                _arrived.Release();
                return Task.CompletedTask;
            };
        }

        /// <summary>Connects and subscribes to <paramref name="filter"/>; with <paramref name="tls"/> over TLS, accepting the test broker's certificate unchecked (the test's own client, not under test).</summary>
        public static async Task<MqttProbe> ConnectAsync(int port, string filter = "#", string? user = null, string? password = null, bool tls = false)
        {
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            MqttClientOptionsBuilder options = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId("probe-" + Guid.NewGuid().ToString("N"));
            if (user is not null)
            {
                options.WithCredentials(user, password);
            }

            if (tls)
            {
                options.WithTlsOptions(o => o.UseTls().WithCertificateValidationHandler(_ => true));
            }

            var probe = new MqttProbe(client);
            await client.ConnectAsync(options.Build()).WaitAsync(Limit);
            await client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce).WaitAsync(Limit);
            return probe;
        }

        public IReadOnlyList<ProbeMessage> Messages
        {
            get
            {
                lock (_messages)
                {
                    return _messages.ToList();
                }
            }
        }

        public Task PublishAsync(string topic, string payload) =>
            _client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce).WaitAsync(Limit);

        /// <summary>The first message (already received or arriving) on <paramref name="topic"/> that
        /// <paramref name="match"/> accepts; fails the test when none comes within <see cref="Limit"/>.</summary>
        public async Task<ProbeMessage> WaitForAsync(string topic, Func<string, bool>? match = null, TimeSpan? limit = null)
        {
            DateTime deadline = DateTime.UtcNow + (limit ?? Limit);
            int seen = 0;
            while (true)
            {
                IReadOnlyList<ProbeMessage> messages = Messages;
                for (; seen < messages.Count; seen++)
                {
                    ProbeMessage message = messages[seen];
                    if (message.Topic == topic && (match is null || match(message.Payload)))
                    {
                        return message;
                    }
                }

                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException("No message on " + topic + " in time. Received: " + string.Join(" | ", messages.Select(m => m.Topic + "=" + m.Payload).TakeLast(20)));
                }

                await _arrived.WaitAsync(left);
            }
        }

        /// <summary>Forgets what was received so far (the next waits see only newer messages).</summary>
        public void Clear()
        {
            lock (_messages)
            {
                _messages.Clear();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _client.TryDisconnectAsync();
            _client.Dispose();
        }
    }
}
