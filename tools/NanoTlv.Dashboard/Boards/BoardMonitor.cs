using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Client;
using NanoTlv.Dashboard.Web;
using NanoTlv.Messages;

namespace NanoTlv.Dashboard.Boards
{
    /// <summary>
    /// Keeps one board connected and its <see cref="BoardState"/> current: connect, HELLO (with the token),
    /// CAPS, set up the wanted pins, then apply the board's events and read its sensors until the connection
    /// is lost; then wait (the <see cref="DashboardOptions.Reconnect"/> backoff, never giving up) and start
    /// again. Commands from the page go through the same client.
    /// </summary>
    internal sealed class BoardMonitor : IAsyncDisposable
    {
        /// <summary>PWM frequency used when the page sets a duty.</summary>
        public const int PwmFrequencyHz = 1000;

        /// <summary>The mode name shown while PWM runs on a pin.</summary>
        public const string PwmModeName = "Pwm";

        private readonly BoardEndpoint _endpoint;
        private readonly DashboardOptions _options;
        private readonly ConcurrentDictionary<int, PinMode> _wantedModes = new();
        private readonly ConcurrentDictionary<int, double> _wantedPwm = new();
        private readonly CancellationTokenSource _stopping = new();
        private Task _run = Task.CompletedTask;
        private TlvClient? _client;

        public BoardMonitor(int id, BoardEndpoint endpoint, UpdateHub hub, DashboardOptions options)
        {
            _endpoint = endpoint;
            _options = options;
            State = new BoardState(id, endpoint, hub, options);
            foreach (int pin in options.InputPins)
            {
                _wantedModes[pin] = PinMode.InputPullUp;
            }

            foreach (int pin in options.OutputPins)
            {
                _wantedModes[pin] = PinMode.Output;
            }
        }

        public BoardState State { get; }

        public void Start() => _run = Task.Run(() => RunAsync(_stopping.Token));

        /// <summary>Sets <paramref name="pin"/>'s mode; input modes are subscribed to (both edges).</summary>
        public async Task SetModeAsync(int pin, PinMode mode, CancellationToken cancellationToken)
        {
            TlvClient client = ConnectedClient();
            await StopPwmIfRunningAsync(client, pin, cancellationToken).ConfigureAwait(false);
            bool wasInput = _wantedModes.TryGetValue(pin, out PinMode before) && IsInput(before);
            if (wasInput && !IsInput(mode))
            {
                await client.UnsubscribeAsync(pin, null, cancellationToken).ConfigureAwait(false);
            }

            _wantedModes[pin] = mode;
            await SetUpPinAsync(client, pin, mode, cancellationToken).ConfigureAwait(false);
            State.AddLog("info", "pin " + pin + " set to " + mode);
        }

        /// <summary>Drives output <paramref name="pin"/> to <paramref name="high"/>.</summary>
        public async Task WriteAsync(int pin, bool high, CancellationToken cancellationToken)
        {
            TlvClient client = ConnectedClient();
            await client.DigitalWriteAsync(pin, high, null, cancellationToken).ConfigureAwait(false);
            State.SetLevel(pin, high);
        }

        /// <summary>Inverts output <paramref name="pin"/>.</summary>
        public async Task ToggleAsync(int pin, CancellationToken cancellationToken)
        {
            TlvClient client = ConnectedClient();
            bool high = await client.DigitalToggleAsync(pin, null, cancellationToken).ConfigureAwait(false);
            State.SetLevel(pin, high);
        }

        /// <summary>Runs PWM at <see cref="PwmFrequencyHz"/> with <paramref name="dutyPercent"/> on <paramref name="pin"/>.</summary>
        public async Task SetPwmAsync(int pin, double dutyPercent, CancellationToken cancellationToken)
        {
            TlvClient client = ConnectedClient();
            await client.PwmSetAsync(pin, PwmFrequencyHz, dutyPercent, null, cancellationToken).ConfigureAwait(false);
            _wantedModes.TryRemove(pin, out _);
            _wantedPwm[pin] = dutyPercent;
            State.SetPin(pin, PwmModeName, null, dutyPercent);
        }

        /// <summary>Stops PWM on <paramref name="pin"/>.</summary>
        public async Task StopPwmAsync(int pin, CancellationToken cancellationToken)
        {
            TlvClient client = ConnectedClient();
            await client.PwmStopAsync(pin, null, cancellationToken).ConfigureAwait(false);
            _wantedPwm.TryRemove(pin, out _);
            State.SetPin(pin, null, null, null);
        }

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _run.ConfigureAwait(false);
            _stopping.Dispose();
        }

        private static bool IsInput(PinMode mode) => mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown;

        private TlvClient ConnectedClient()
        {
            TlvClient? client = Volatile.Read(ref _client);
            if (client is null || !client.IsConnected || State.Connection != ConnectionState.Connected)
            {
                throw new DeviceConnectionException("Board " + _endpoint + " is not connected.");
            }

            return client;
        }

        private async Task RunAsync(CancellationToken stopping)
        {
            int attempt = 0;
            while (!stopping.IsCancellationRequested)
            {
                if (attempt == 0)
                {
                    // A board that is away stays shown as disconnected while the next attempts run.
                    State.SetConnecting();
                }

                string reason;
                try
                {
                    bool connected = await RunConnectionAsync(stopping).ConfigureAwait(false);
                    attempt = connected ? 0 : attempt;
                    reason = "the connection was lost";
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is DeviceConnectionException or DeviceException or TimeoutException or TlvProtocolException or IOException)
                {
                    reason = ex.Message;
                }

                State.SetDisconnected(reason);
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

        /// <summary>One connection from connect to loss. Returns true when it got as far as being set up.</summary>
        private async Task<bool> RunConnectionAsync(CancellationToken stopping)
        {
            var clientOptions = new TlvClientOptions { RequestTimeout = _options.RequestTimeout, ConnectTimeout = _options.RequestTimeout };
            TlvClient client = await TlvClient.ConnectAsync(_endpoint.Host, _endpoint.Port, clientOptions, stopping).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                DeviceHello hello = await client.HelloAsync(_endpoint.Token, null, stopping).ConfigureAwait(false);
                DeviceCaps caps = await client.CapsAsync(null, stopping).ConfigureAwait(false);
                State.SetIdentity(hello, caps.Pins);
                foreach (KeyValuePair<int, PinMode> wanted in _wantedModes)
                {
                    await SetUpPinAsync(client, wanted.Key, wanted.Value, stopping).ConfigureAwait(false);
                }

                foreach (KeyValuePair<int, double> pwm in _wantedPwm)
                {
                    await client.PwmSetAsync(pwm.Key, PwmFrequencyHz, pwm.Value, null, stopping).ConfigureAwait(false);
                    State.SetPin(pwm.Key, PwmModeName, null, pwm.Value);
                }

                Volatile.Write(ref _client, client);
                State.SetConnected();
                State.AddLog("info", "connected to '" + hello.Name + "' (firmware " + hello.FirmwareVersion.ToString(3) + ")");
                Task sensors = SensorLoopAsync(client, Bme280AddressOf(caps), connection.Token);
                try
                {
                    await ApplyEventsAsync(client, connection.Token).ConfigureAwait(false);
                }
                finally
                {
                    Volatile.Write(ref _client, null);
                    await connection.CancelAsync().ConfigureAwait(false);
                    await sensors.ConfigureAwait(false);
                }

                stopping.ThrowIfCancellationRequested();
                return true;
            }
        }

        private async Task SetUpPinAsync(TlvClient client, int pin, PinMode mode, CancellationToken cancellationToken)
        {
            await client.SetPinModeAsync(pin, mode, null, cancellationToken).ConfigureAwait(false);
            if (IsInput(mode))
            {
                // Subscribe before reading: a change after the read then arrives as an event after the read's reply.
                await client.SubscribeAsync(pin, PinEdges.Both, 0, null, cancellationToken).ConfigureAwait(false);
            }

            bool high = await client.DigitalReadAsync(pin, null, cancellationToken).ConfigureAwait(false);
            State.SetPin(pin, mode.ToString(), high, null);
        }

        private async Task StopPwmIfRunningAsync(TlvClient client, int pin, CancellationToken cancellationToken)
        {
            if (_wantedPwm.TryRemove(pin, out _))
            {
                await client.PwmStopAsync(pin, null, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task ApplyEventsAsync(TlvClient client, CancellationToken cancellationToken)
        {
            await foreach (DeviceEvent deviceEvent in client.Events(cancellationToken).ConfigureAwait(false))
            {
                switch (deviceEvent)
                {
                    case PinChangedEvent change:
                        State.SetLevel(change.Pin, change.High);
                        State.AddLog("event", "pin " + change.Pin + " -> " + (change.High ? "high" : "low"));
                        break;
                    case ConnectionLostEvent lost:
                        State.AddLog("error", "connection lost: " + lost.Reason);
                        return;
                    default:
                        State.AddLog("error", deviceEvent.ToString());
                        break;
                }
            }
        }

        /// <summary>Where to read the board's BME280: the default address its CAPS lists (0, the device's default, from
        /// firmware that does not list sensors); null when CAPS lists sensors but no BME280 (logged; no chart).</summary>
        private int? Bme280AddressOf(DeviceCaps caps)
        {
            if (caps.Sensors is null)
            {
                return 0;
            }

            if (caps.FindSensor(SensorKind.Bme280) is SensorCapability bme280)
            {
                return bme280.DefaultAddress;
            }

            State.AddLog("info", "the board lists no BME280 in CAPS; not reading one");
            return null;
        }

        private async Task SensorLoopAsync(TlvClient client, int? bme280Address, CancellationToken cancellationToken)
        {
            bool bme280Present = bme280Address is not null;
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    if (_options.AdcPins.Count > 0)
                    {
                        var readings = new List<AdcView>(_options.AdcPins.Count);
                        foreach (int pin in _options.AdcPins)
                        {
                            AnalogReading reading = await client.AnalogReadAsync(pin, null, cancellationToken).ConfigureAwait(false);
                            readings.Add(new AdcView(pin, reading.Raw, reading.Millivolts));
                        }

                        State.SetAdc(readings);
                    }

                    bme280Present = bme280Present && await ReadBme280Async(client, bme280Address!.Value, cancellationToken).ConfigureAwait(false);
                    await Task.Delay(_options.SensorInterval, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The connection ended.
            }
            catch (Exception ex) when (ex is DeviceConnectionException or DeviceException or TimeoutException or TlvProtocolException)
            {
                State.AddLog("error", "sensors: " + ex.Message);
            }
        }

        /// <summary>Reads the BME280 into the chart; false (logged once per connection) when it does not answer.</summary>
        private async Task<bool> ReadBme280Async(TlvClient client, int address, CancellationToken cancellationToken)
        {
            try
            {
                Bme280Reading air = await client.ReadBme280Async(address, null, cancellationToken).ConfigureAwait(false);
                State.AddBme280(new Bme280Point(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), air.TemperatureCelsius, air.PressureHectopascals, air.HumidityPercent));
                return true;
            }
            catch (DeviceException ex)
            {
                State.AddLog("info", "no BME280 readings: " + ex.Message);
                return false;
            }
        }
    }
}
