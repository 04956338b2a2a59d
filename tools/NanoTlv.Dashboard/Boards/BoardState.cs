using System;
using System.Collections.Generic;
using System.Linq;
using NanoTlv.Client;
using NanoTlv.Dashboard.Web;
using NanoTlv.Messages;

namespace NanoTlv.Dashboard.Boards
{
    /// <summary>
    /// What the dashboard knows of one board, changed only through these methods, each of which publishes the
    /// change to the open event streams: <c>board</c> (the whole <see cref="BoardView"/>), <c>pin</c>
    /// (<see cref="PinView"/>), <c>adc</c>, <c>bme280</c> and <c>log</c>.
    /// </summary>
    internal sealed class BoardState
    {
        private readonly object _sync = new();
        private readonly UpdateHub _hub;
        private readonly int _chartPoints;
        private readonly int _logLines;
        private readonly SortedDictionary<int, PinRow> _pins = new();
        private readonly SortedDictionary<int, AdcView> _adc = new();
        private readonly Queue<Bme280Point> _bme280 = new();
        private readonly Queue<LogEntry> _log = new();
        private ConnectionState _connection = ConnectionState.Connecting;
        private DeviceHello? _hello;
        private string? _lastError;

        public BoardState(int id, BoardEndpoint endpoint, UpdateHub hub, DashboardOptions options)
        {
            Id = id;
            Address = endpoint.ToString();
            _hub = hub;
            _chartPoints = options.ChartPoints;
            _logLines = options.LogLines;
        }

        public int Id { get; }

        public string Address { get; }

        public ConnectionState Connection
        {
            get
            {
                lock (_sync)
                {
                    return _connection;
                }
            }
        }

        public BoardView View()
        {
            lock (_sync)
            {
                return new BoardView(
                    Id,
                    Address,
                    _connection,
                    _hello?.Name,
                    _hello?.FirmwareVersion.ToString(3),
                    _hello?.ProtocolVersion,
                    _hello?.Authenticated ?? false,
                    _lastError,
                    _pins.Values.Select(row => row.View(Id)).ToArray(),
                    _adc.Values.ToArray(),
                    _bme280.ToArray(),
                    _log.ToArray());
            }
        }

        /// <summary>The mode the dashboard last set on <paramref name="pin"/> ("Pwm" while PWM runs), or null.</summary>
        public string? ModeOf(int pin)
        {
            lock (_sync)
            {
                return _pins.TryGetValue(pin, out PinRow? row) ? row.Mode : null;
            }
        }

        public void SetConnecting() => SetConnection(ConnectionState.Connecting, null);

        /// <summary>The board is away: levels become unknown. Logged when the state or the reason changes, not on every retry.</summary>
        public void SetDisconnected(string reason)
        {
            bool news;
            lock (_sync)
            {
                news = _connection != ConnectionState.Disconnected || _lastError != "disconnected: " + reason;
                foreach (PinRow row in _pins.Values)
                {
                    row.High = null;
                }
            }

            if (news)
            {
                AddLog("error", "disconnected: " + reason);
                SetConnection(ConnectionState.Disconnected, "disconnected: " + reason);
            }
        }

        /// <summary>The board answered HELLO and CAPS: records who it is and its usable pins (reserved ones, wired to the
        /// flash, are left out; modes the dashboard set are kept).</summary>
        public void SetIdentity(DeviceHello hello, IReadOnlyList<PinCapability> caps)
        {
            lock (_sync)
            {
                _hello = hello;
                foreach (PinCapability capability in caps.Where(capability => !capability.Has(PinCapabilities.Reserved)))
                {
                    if (!_pins.TryGetValue(capability.Pin, out PinRow? row))
                    {
                        _pins[capability.Pin] = row = new PinRow(capability.Pin);
                    }

                    row.Capabilities = CapabilityNames(capability.Capabilities);
                }
            }
        }

        public void SetConnected() => SetConnection(ConnectionState.Connected, null);

        public void SetPin(int pin, string? mode, bool? high, double? pwmDutyPercent)
        {
            PinView view;
            lock (_sync)
            {
                if (!_pins.TryGetValue(pin, out PinRow? row))
                {
                    _pins[pin] = row = new PinRow(pin);
                }

                row.Mode = mode;
                row.High = high;
                row.PwmDutyPercent = pwmDutyPercent;
                view = row.View(Id);
            }

            _hub.Publish("pin", view);
        }

        public void SetLevel(int pin, bool high)
        {
            PinView view;
            lock (_sync)
            {
                if (!_pins.TryGetValue(pin, out PinRow? row))
                {
                    _pins[pin] = row = new PinRow(pin);
                }

                row.High = high;
                view = row.View(Id);
            }

            _hub.Publish("pin", view);
        }

        public void SetAdc(IReadOnlyList<AdcView> readings)
        {
            lock (_sync)
            {
                foreach (AdcView reading in readings)
                {
                    _adc[reading.Pin] = reading;
                }
            }

            _hub.Publish("adc", new { board = Id, readings });
        }

        public void AddBme280(Bme280Point point)
        {
            lock (_sync)
            {
                _bme280.Enqueue(point);
                while (_bme280.Count > _chartPoints)
                {
                    _bme280.Dequeue();
                }
            }

            _hub.Publish("bme280", new { board = Id, point, keep = _chartPoints });
        }

        public void AddLog(string kind, string text)
        {
            var entry = new LogEntry(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), kind, text);
            lock (_sync)
            {
                _log.Enqueue(entry);
                while (_log.Count > _logLines)
                {
                    _log.Dequeue();
                }

                if (kind == "error")
                {
                    _lastError = text;
                }
            }

            _hub.Publish("log", new { board = Id, entry, keep = _logLines });
        }

        private void SetConnection(ConnectionState state, string? error)
        {
            lock (_sync)
            {
                _connection = state;
                if (error is not null || state == ConnectionState.Connected)
                {
                    _lastError = error;
                }
            }

            _hub.Publish("board", View());
        }

        private static string[] CapabilityNames(PinCapabilities capabilities) =>
            Enum.GetValues<PinCapabilities>().Where(flag => flag != PinCapabilities.None && capabilities.HasFlag(flag)).Select(flag => flag.ToString()).ToArray();

        private sealed class PinRow
        {
            public PinRow(int pin)
            {
                Pin = pin;
            }

            public int Pin { get; }

            public string[] Capabilities { get; set; } = Array.Empty<string>();

            public string? Mode { get; set; }

            public bool? High { get; set; }

            public double? PwmDutyPercent { get; set; }

            public PinView View(int board) => new(board, Pin, Capabilities, Mode, High, PwmDutyPercent);
        }
    }
}
