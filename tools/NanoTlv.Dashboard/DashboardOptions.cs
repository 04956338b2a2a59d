using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using NanoTlv.Client;

namespace NanoTlv.Dashboard
{
    /// <summary>Settings of a <see cref="DashboardServer"/>: which boards, where to listen, which pins to set up.</summary>
    public sealed class DashboardOptions
    {
        /// <summary>The boards shown, one card each, in this order.</summary>
        public IReadOnlyList<BoardEndpoint> Boards { get; set; } = Array.Empty<BoardEndpoint>();

        /// <summary>Address the web server binds. Loopback unless the caller explicitly chooses another.</summary>
        public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;

        /// <summary>TCP port of the web server; 0 picks a free one (see <see cref="DashboardServer.Address"/>).</summary>
        public int Port { get; set; }

        /// <summary>Pins put in input mode with pull-up and subscribed (both edges) on every connection.</summary>
        public IReadOnlyList<int> InputPins { get; set; } = Array.Empty<int>();

        /// <summary>Pins put in output mode on every connection.</summary>
        public IReadOnlyList<int> OutputPins { get; set; } = Array.Empty<int>();

        /// <summary>ADC pins read every <see cref="SensorInterval"/>.</summary>
        public IReadOnlyList<int> AdcPins { get; set; } = Array.Empty<int>();

        /// <summary>How often ADC pins and the BME280 are read from each board.</summary>
        public TimeSpan SensorInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Reply timeout of every request to a board (and of the TCP connect).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(3);

        /// <summary>Waits between attempts to reach a board that is away; the attempts never stop
        /// (<see cref="ReconnectPolicy.MaxAttempts"/> is not used: the dashboard keeps waiting for the board).</summary>
        public ReconnectPolicy Reconnect { get; set; } = new() { InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(5) };

        /// <summary>BME280 readings kept per board for the chart.</summary>
        public int ChartPoints { get; set; } = 60;

        /// <summary>Log lines kept per board.</summary>
        public int LogLines { get; set; } = 100;

        /// <summary>Checks the settings.</summary>
        /// <exception cref="ArgumentException">A setting is out of range, with which one and why.</exception>
        public void Validate()
        {
            if (Boards is null || Boards.Count == 0)
            {
                throw new ArgumentException("The dashboard needs at least one board.", nameof(Boards));
            }

            ArgumentNullException.ThrowIfNull(ListenAddress);
            if (Port is < 0 or > ushort.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(Port), Port, "The web port must be 0..65535.");
            }

            if (InputPins.Intersect(OutputPins).FirstOrDefault(-1) is int both and >= 0)
            {
                throw new ArgumentException("Pin " + both + " cannot be both an input and an output.", nameof(OutputPins));
            }

            if (SensorInterval <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(SensorInterval), "The sensor interval and the request timeout must be positive.");
            }

            if (ChartPoints < 2 || LogLines < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(ChartPoints), "The chart needs at least 2 points and the log at least 1 line.");
            }

            ArgumentNullException.ThrowIfNull(Reconnect);
        }
    }
}
