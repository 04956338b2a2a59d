using System.Collections.Generic;
using NanoTlv.Messages;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// One board the bridge serves: where it is, its token, and which of its pins the bridge publishes and
    /// accepts commands for. The board cannot know what is wired to its pins, so this list says it.
    /// </summary>
    /// <param name="Host">The board's host name or address.</param>
    /// <param name="Port">The board's TCP port.</param>
    public sealed record BridgeBoard(string Host, int Port)
    {
        /// <summary>The board's token for HELLO, or null when it needs none.</summary>
        public string? Token { get; init; }

        /// <summary>
        /// The board id used in topics; null to use the name the board reports in HELLO. Either way it is
        /// reduced to letters, digits, '_' and '-' (see <see cref="BoardTopics.SanitizeId"/>).
        /// </summary>
        public string? Id { get; init; }

        /// <summary>Pins set to <see cref="InputMode"/> and subscribed: published as binary sensors and events.</summary>
        public IReadOnlyList<int> Inputs { get; init; } = [];

        /// <summary>Pins set to output: published and commanded as switches.</summary>
        public IReadOnlyList<int> Outputs { get; init; } = [];

        /// <summary>Pins read with ANALOG_READ every sensor interval.</summary>
        public IReadOnlyList<int> AnalogPins { get; init; } = [];

        /// <summary>Pins that accept PWM on <c>set/pwm/&lt;pin&gt;</c>.</summary>
        public IReadOnlyList<int> PwmPins { get; init; } = [];

        /// <summary>The BME280's I2C address (0 for the board's default), or null when the board has none.</summary>
        public int? Bme280Address { get; init; }

        /// <summary>Failsafe levels (pin → high) set on every connection, so outputs fall safe when the bridge goes;
        /// every pin must be one of <see cref="Outputs"/>.</summary>
        public IReadOnlyDictionary<int, bool> Failsafes { get; init; } = new Dictionary<int, bool>();

        /// <summary>The input mode of <see cref="Inputs"/>.</summary>
        public PinMode InputMode { get; init; } = PinMode.Input;

        /// <summary>Debounce of the input subscriptions, 0..65535 ms.</summary>
        public int DebounceMs { get; init; }

        /// <summary>"host:port", for messages.</summary>
        public string Endpoint => (Host.Contains(':', System.StringComparison.Ordinal) ? "[" + Host + "]" : Host) + ":" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
