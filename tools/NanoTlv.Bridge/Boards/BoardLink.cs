using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using NanoTlv.Client;
using NanoTlv.Messages;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// One board behind the bridge: keeps a <see cref="TlvClient"/> connected (reconnecting with backoff, and on
    /// every connection setting the pin modes, subscriptions and failsafe levels again, since a rebooted board
    /// has forgotten them), turns its events and readings into MQTT messages and MQTT requests into commands.
    /// </summary>
    internal sealed class BoardLink : IAsyncDisposable
    {
        private readonly BridgeBoard _board;
        private readonly BridgeOptions _options;
        private readonly Func<string, BoardLink, bool> _claimId;
        private readonly CancellationTokenSource _stopping = new();
        private readonly ConcurrentDictionary<int, int> _pwmFrequencyHz = new();
        private readonly Dictionary<int, int> _adcChannels = new();
        private BoardMqttSession? _mqtt;
        private BoardTopics? _topics;
        private TlvClient? _client;
        private Task _run = Task.CompletedTask;
        private Task _requests = Task.CompletedTask;

        public BoardLink(BridgeBoard board, BridgeOptions options, Func<string, BoardLink, bool> claimId)
        {
            _board = board;
            _options = options;
            _claimId = claimId;
        }

        /// <summary>The board id in topics, once known (from the configuration or the first HELLO).</summary>
        public string? BoardId => Volatile.Read(ref _topics)?.BoardId;

        /// <summary>The board's configuration.</summary>
        public BridgeBoard Board => _board;

        /// <summary>True while the board is connected and configured.</summary>
        public bool IsOnline => Volatile.Read(ref _client) is not null;

        /// <summary>Why the board is not online, when it is not.</summary>
        public string? LastError { get; private set; }

        public async Task StartAsync()
        {
            if (_board.Id is not null)
            {
                await OpenSessionAsync(BoardTopics.SanitizeId(_board.Id)).ConfigureAwait(false);
            }

            _run = Task.Run(RunAsync, CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            await _stopping.CancelAsync().ConfigureAwait(false);
            await _run.ConfigureAwait(false);
            if (_mqtt is not null)
            {
                await _mqtt.DisposeAsync().ConfigureAwait(false);
            }

            await _requests.ConfigureAwait(false);
        }

        private async Task RunAsync()
        {
            CancellationToken stopping = _stopping.Token;
            int attempt = 0;
            while (!stopping.IsCancellationRequested)
            {
                TlvClient? client = null;
                try
                {
                    var clientOptions = new TlvClientOptions
                    {
                        RequestTimeout = _options.RequestTimeout,
                        ConnectTimeout = _options.RequestTimeout,
                        EventBufferCapacity = 16 * 1024,
                    };
                    client = await TlvClient.ConnectAsync(_board.Host, _board.Port, clientOptions, stopping).ConfigureAwait(false);
                    DeviceHello hello = await client.HelloAsync(_board.Token, null, stopping).ConfigureAwait(false);
                    if (!await EnsureSessionAsync(hello).ConfigureAwait(false))
                    {
                        return;
                    }

                    await ConfigureAsync(client, hello, stopping).ConfigureAwait(false);
                    attempt = 0;
                    LastError = null;
                    Volatile.Write(ref _client, client);
                    await _mqtt!.PublishAsync(_topics!.Availability, BoardTopics.Online, retain: true).ConfigureAwait(false);
                    Log("online (" + hello.Name + " " + hello.FirmwareVersion + " at " + _board.Endpoint + ")");
                    string reason = await ServeAsync(client, stopping).ConfigureAwait(false);
                    Log("offline: " + reason);
                    LastError = reason;
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // Stopping.
                }
                catch (Exception ex) when (ex is DeviceConnectionException or TimeoutException or DeviceException or TlvProtocolException)
                {
                    if (attempt == 0)
                    {
                        Log("cannot use " + _board.Endpoint + ": " + ex.Message + "; retrying with backoff");
                    }

                    LastError = ex.Message;
                }
                finally
                {
                    bool wasOnline = Interlocked.Exchange(ref _client, null) is not null;
                    if (client is not null)
                    {
                        await client.DisposeAsync().ConfigureAwait(false);
                    }

                    if (wasOnline && _mqtt is not null)
                    {
                        await _mqtt.PublishAsync(_topics!.Availability, BoardTopics.Offline, retain: true).ConfigureAwait(false);
                    }
                }

                attempt++;
                try
                {
                    await Task.Delay(_options.Reconnect.DelayBefore(attempt), stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private async Task<bool> EnsureSessionAsync(DeviceHello hello)
        {
            if (_topics is not null)
            {
                return true;
            }

            string id = BoardTopics.SanitizeId(hello.Name);
            if (!_claimId(id, this))
            {
                LastError = "board id '" + id + "' (from HELLO) is already used by another board; give " + _board.Endpoint + " its own id";
                Log(LastError);
                return false;
            }

            await OpenSessionAsync(id).ConfigureAwait(false);
            return true;
        }

        private async Task OpenSessionAsync(string id)
        {
            var topics = new BoardTopics(_options.TopicPrefix, id);
            var session = new BoardMqttSession(_options, topics);
            _mqtt = session;
            Volatile.Write(ref _topics, topics);
            await session.StartAsync(BoardTopics.Offline).ConfigureAwait(false);
            _requests = Task.Run(() => HandleRequestsAsync(session), CancellationToken.None);
        }

        private async Task ConfigureAsync(TlvClient client, DeviceHello hello, CancellationToken cancellationToken)
        {
            if (_board.AnalogPins.Count > 0 && _adcChannels.Count == 0)
            {
                DeviceCaps caps = await client.CapsAsync(null, cancellationToken).ConfigureAwait(false);
                foreach (int pin in _board.AnalogPins)
                {
                    PinCapability? capability = caps.Pins.FirstOrDefault(c => c.Pin == pin);
                    _adcChannels[pin] = capability?.AdcChannel
                        ?? throw new DeviceException(Opcode.Caps, StatusCode.UnsupportedMode, "GPIO " + pin.ToString(CultureInfo.InvariantCulture) + " (configured as an ADC pin, but the board has no ADC channel on it)");
                }
            }

            foreach (int pin in _board.Outputs)
            {
                await client.SetPinModeAsync(pin, PinMode.Output, null, cancellationToken).ConfigureAwait(false);
            }

            foreach (int pin in _board.Inputs)
            {
                await client.SetPinModeAsync(pin, _board.InputMode, null, cancellationToken).ConfigureAwait(false);
                await client.SubscribeAsync(pin, PinEdges.Both, _board.DebounceMs, null, cancellationToken).ConfigureAwait(false);
            }

            foreach (KeyValuePair<int, bool> failsafe in _board.Failsafes)
            {
                await client.SetFailsafeAsync(failsafe.Key, failsafe.Value, null, cancellationToken).ConfigureAwait(false);
            }

            if (_options.DiscoveryPrefix is not null)
            {
                string firmware = hello.FirmwareVersion.ToString(3);
                foreach (DiscoveryConfig config in HomeAssistantDiscovery.For(_options.DiscoveryPrefix, _topics!, _board, _adcChannels, firmware))
                {
                    await _mqtt!.PublishAsync(config.Topic, config.Json, retain: true).ConfigureAwait(false);
                }
            }

            foreach (int pin in _board.Outputs.Concat(_board.Inputs))
            {
                bool high = await client.DigitalReadAsync(pin, null, cancellationToken).ConfigureAwait(false);
                await _mqtt!.PublishAsync(_topics!.GpioState(pin), StatePayloads.Level(high), retain: true).ConfigureAwait(false);
            }

            await PublishSensorsAsync(client, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Runs until the board is lost or the bridge stops; returns why it ended.</summary>
        private async Task<string> ServeAsync(TlvClient client, CancellationToken stopping)
        {
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            Task<string> events = PumpEventsAsync(client, connection.Token);
            Task<string> keepAlive = KeepAliveAsync(client, connection.Token);
            Task<string> sensors = PollSensorsAsync(client, connection.Token);
            Task<string> first = await Task.WhenAny(events, keepAlive, sensors).ConfigureAwait(false);
            await connection.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(events, keepAlive, sensors).ConfigureAwait(false);
            return await first.ConfigureAwait(false);
        }

        private async Task<string> PumpEventsAsync(TlvClient client, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (DeviceEvent deviceEvent in client.Events(cancellationToken).ConfigureAwait(false))
                {
                    switch (deviceEvent)
                    {
                        case PinChangedEvent change:
                            await _mqtt!.PublishEventAsync(_topics!.GpioEvent(change.Pin), StatePayloads.PinChanged(change)).ConfigureAwait(false);
                            _mqtt.PublishLatestState(_topics.GpioState(change.Pin), StatePayloads.Level(change.High));
                            break;
                        case ConnectionLostEvent lost:
                            return "connection lost (" + lost.Reason + ")";
                        case ProtocolViolationEvent violation:
                            Log("protocol violation: " + violation.Description);
                            break;
                        default:
                            break;
                    }
                }

                return "the client closed";
            }
            catch (OperationCanceledException)
            {
                return "stopped";
            }
        }

        private async Task<string> KeepAliveAsync(TlvClient client, CancellationToken cancellationToken)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(_options.KeepAliveInterval, cancellationToken).ConfigureAwait(false);
                    await client.PingAsync(default, null, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return "stopped";
            }
            catch (TimeoutException)
            {
                return "no answer to PING within " + _options.RequestTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
            }
            catch (Exception ex) when (ex is DeviceConnectionException or DeviceException or TlvProtocolException)
            {
                return ex.Message;
            }
        }

        private async Task<string> PollSensorsAsync(TlvClient client, CancellationToken cancellationToken)
        {
            if (_board.AnalogPins.Count == 0 && _board.Bme280Address is null)
            {
                return await WaitForeverAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                while (true)
                {
                    await Task.Delay(_options.SensorInterval, cancellationToken).ConfigureAwait(false);
                    await PublishSensorsAsync(client, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return "stopped";
            }
            catch (Exception ex) when (ex is DeviceConnectionException or TimeoutException or TlvProtocolException)
            {
                return ex.Message;
            }
        }

        private static async Task<string> WaitForeverAsync(CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            return "stopped";
        }

        private async Task PublishSensorsAsync(TlvClient client, CancellationToken cancellationToken)
        {
            foreach (int pin in _board.AnalogPins)
            {
                try
                {
                    AnalogReading reading = await client.AnalogReadAsync(pin, null, cancellationToken).ConfigureAwait(false);
                    int channel = _adcChannels[pin];
                    await _mqtt!.PublishAsync(_topics!.AdcState(channel), StatePayloads.Analog(pin, channel, reading), retain: true).ConfigureAwait(false);
                }
                catch (DeviceException ex)
                {
                    Log("ADC on GPIO " + pin + ": " + ex.Message);
                }
            }

            if (_board.Bme280Address is int address)
            {
                try
                {
                    Bme280Reading reading = await client.ReadBme280Async(address, null, cancellationToken).ConfigureAwait(false);
                    await _mqtt!.PublishAsync(_topics!.Bme280State, StatePayloads.Bme280(reading), retain: true).ConfigureAwait(false);
                }
                catch (DeviceException ex)
                {
                    Log("BME280: " + ex.Message);
                }
            }
        }

        private async Task HandleRequestsAsync(BoardMqttSession session)
        {
            try
            {
                await foreach (MqttApplicationMessage message in session.Requests.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
                {
                    await HandleRequestAsync(message).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }

        private async Task HandleRequestAsync(MqttApplicationMessage message)
        {
            string payload = message.ConvertPayloadToString() ?? string.Empty;
            string[] parts = (_topics!.Relative(message.Topic) ?? string.Empty).Split('/');
            if (parts is ["cmd", string name])
            {
                await HandleCommandAsync(message.Topic, name, payload).ConfigureAwait(false);
                return;
            }

            string? error = parts switch
            {
                ["set", "gpio", string pin] => await SetGpioAsync(pin, payload).ConfigureAwait(false),
                ["set", "pwm", string pin] => await SetPwmAsync(pin, payload).ConfigureAwait(false),
                _ => "unknown topic; the bridge accepts set/gpio/<pin>, set/pwm/<pin> and cmd/<name>.",
            };
            if (error is not null)
            {
                await _mqtt!.PublishAsync(_topics.Error, StatePayloads.Error(message.Topic, SetPayloads.Shorten(payload), error), retain: false).ConfigureAwait(false);
            }
        }

        private async Task<string?> SetGpioAsync(string pinText, string payload)
        {
            if (ParseConfiguredPin(pinText, _board.Outputs, "output", out string? error) is not int pin)
            {
                return error;
            }

            if (SetPayloads.ParseLevel(payload, out error) is not bool high)
            {
                return error;
            }

            return await OnBoardAsync(async client =>
            {
                await client.DigitalWriteAsync(pin, high, null, _stopping.Token).ConfigureAwait(false);
                await _mqtt!.PublishAsync(_topics!.GpioState(pin), StatePayloads.Level(high), retain: true).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        private async Task<string?> SetPwmAsync(string pinText, string payload)
        {
            if (ParseConfiguredPin(pinText, _board.PwmPins, "PWM pin", out string? error) is not int pin)
            {
                return error;
            }

            int frequency = _pwmFrequencyHz.TryGetValue(pin, out int known) ? known : SetPayloads.DefaultPwmFrequencyHz;
            if (SetPayloads.ParsePwm(payload, frequency, out error) is not PwmRequest request)
            {
                return error;
            }

            return await OnBoardAsync(async client =>
            {
                if (request.Stop)
                {
                    await client.PwmStopAsync(pin, null, _stopping.Token).ConfigureAwait(false);
                }
                else
                {
                    await client.PwmSetAsync(pin, request.FrequencyHz, request.DutyPercent, null, _stopping.Token).ConfigureAwait(false);
                    _pwmFrequencyHz[pin] = request.FrequencyHz;
                }

                await _mqtt!.PublishAsync(_topics!.PwmState(pin), StatePayloads.Pwm(request), retain: true).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        private async Task HandleCommandAsync(string topic, string name, string payload)
        {
            if (CommandRequest.Parse(payload, out string? parseError) is not CommandRequest request)
            {
                await _mqtt!.PublishAsync(_topics!.Error, StatePayloads.Error(topic, SetPayloads.Shorten(payload), parseError!), retain: false).ConfigureAwait(false);
                return;
            }

            JsonNode? result = null;
            string? error = await OnBoardAsync(async client =>
            {
                result = await BoardCommands.ExecuteAsync(client, _board, name, request, _stopping.Token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            string reply = error is null ? StatePayloads.ReplyOk(request.Id, result) : StatePayloads.ReplyError(request.Id, error);
            await _mqtt!.PublishAsync(_topics!.Reply(request.Id), reply, retain: false).ConfigureAwait(false);
        }

        /// <summary>Runs <paramref name="action"/> against the connected board; returns the error text when the
        /// board is offline or refuses, null on success.</summary>
        private async Task<string?> OnBoardAsync(Func<TlvClient, Task> action)
        {
            TlvClient? client = Volatile.Read(ref _client);
            if (client is null)
            {
                return "board " + _topics!.BoardId + " is offline (" + (LastError ?? "not connected yet") + ").";
            }

            try
            {
                await action(client).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (ex is ArgumentException or DeviceException or DeviceConnectionException or TimeoutException or TlvProtocolException)
            {
                return ErrorText.Of(ex);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return "the bridge is stopping.";
            }
        }

        private static int? ParseConfiguredPin(string text, IReadOnlyList<int> configured, string role, out string? error)
        {
            error = null;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pin))
            {
                error = "'" + SetPayloads.Shorten(text) + "' is not a GPIO number.";
                return null;
            }

            if (!configured.Contains(pin))
            {
                error = "GPIO " + pin + " is not a configured " + role + " of this board (" + BoardCommands.PinList(configured) + ").";
                return null;
            }

            return pin;
        }

        private void Log(string message) => _options.Log?.Invoke((BoardId ?? _board.Endpoint) + ": " + message);
    }
}
