using System;
using System.Globalization;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// The MQTT topics of one board, all under <c>&lt;prefix&gt;/&lt;board-id&gt;/</c> (docs/mqtt.md lists them
    /// with examples).
    /// </summary>
    public sealed class BoardTopics
    {
        /// <summary>The payload of <see cref="Availability"/> while the bridge has the board.</summary>
        public const string Online = "online";

        /// <summary>The payload of <see cref="Availability"/> otherwise (also the broker's last will).</summary>
        public const string Offline = "offline";

        /// <summary>Level payload for high (Home Assistant's default <c>payload_on</c>).</summary>
        public const string On = "ON";

        /// <summary>Level payload for low (Home Assistant's default <c>payload_off</c>).</summary>
        public const string Off = "OFF";

        private readonly string _root;

        /// <summary>Topics of board <paramref name="boardId"/> under <paramref name="prefix"/>.</summary>
        /// <param name="prefix">First topic level(s), e.g. <c>nanotlv</c>.</param>
        /// <param name="boardId">The board id (already sanitized).</param>
        public BoardTopics(string prefix, string boardId)
        {
            CheckPrefix(prefix, nameof(prefix));
            if (SanitizeId(boardId) != boardId)
            {
                throw new ArgumentException("'" + boardId + "' is not a sanitized board id.", nameof(boardId));
            }

            BoardId = boardId;
            _root = prefix + "/" + boardId + "/";
        }

        /// <summary>The board id in the topics.</summary>
        public string BoardId { get; }

        /// <summary><c>.../availability</c>: retained <see cref="Online"/> / <see cref="Offline"/>.</summary>
        public string Availability => _root + "availability";

        /// <summary><c>.../set/#</c> and <c>.../cmd/#</c>: what the bridge subscribes to for this board.</summary>
        public string SetFilter => _root + "set/#";

        /// <summary><c>.../cmd/#</c>.</summary>
        public string CommandFilter => _root + "cmd/#";

        /// <summary><c>.../state/sensor/bme280</c>: retained JSON.</summary>
        public string Bme280State => _root + "state/sensor/bme280";

        /// <summary><c>.../error</c>: errors of requests that have no reply topic (bad <c>set</c> payloads).</summary>
        public string Error => _root + "error";

        /// <summary>Reduces a board name to a topic level and Home Assistant object id: letters, digits, '_'
        /// and '-' are kept, anything else becomes '_'.</summary>
        /// <param name="name">The name.</param>
        /// <returns>The id.</returns>
        public static string SanitizeId(string name)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            return string.Create(name.Length, name, static (span, source) =>
            {
                for (int i = 0; i < source.Length; i++)
                {
                    char c = source[i];
                    span[i] = char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' ? c : '_';
                }
            });
        }

        /// <summary><c>.../state/gpio/&lt;pin&gt;</c>: retained <see cref="On"/> / <see cref="Off"/>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>The topic.</returns>
        public string GpioState(int pin) => _root + "state/gpio/" + Number(pin);

        /// <summary><c>.../state/pwm/&lt;pin&gt;</c>: retained JSON.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>The topic.</returns>
        public string PwmState(int pin) => _root + "state/pwm/" + Number(pin);

        /// <summary><c>.../state/adc/&lt;channel&gt;</c>: retained JSON.</summary>
        /// <param name="channel">ADC channel (from CAPS).</param>
        /// <returns>The topic.</returns>
        public string AdcState(int channel) => _root + "state/adc/" + Number(channel);

        /// <summary><c>.../event/gpio/&lt;pin&gt;</c>: one JSON message per input change, not retained.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>The topic.</returns>
        public string GpioEvent(int pin) => _root + "event/gpio/" + Number(pin);

        /// <summary><c>.../set/gpio/&lt;pin&gt;</c>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>The topic.</returns>
        public string SetGpio(int pin) => _root + "set/gpio/" + Number(pin);

        /// <summary><c>.../set/pwm/&lt;pin&gt;</c>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>The topic.</returns>
        public string SetPwm(int pin) => _root + "set/pwm/" + Number(pin);

        /// <summary><c>.../cmd/&lt;name&gt;</c>.</summary>
        /// <param name="name">Command name.</param>
        /// <returns>The topic.</returns>
        public string Command(string name) => _root + "cmd/" + name;

        /// <summary><c>.../reply/&lt;request-id&gt;</c>.</summary>
        /// <param name="requestId">The id the command carried.</param>
        /// <returns>The topic.</returns>
        public string Reply(string requestId) => _root + "reply/" + requestId;

        /// <summary>The part of <paramref name="topic"/> after this board's root (<c>set/gpio/2</c>), or null when
        /// the topic is not this board's.</summary>
        /// <param name="topic">A full topic.</param>
        /// <returns>The relative topic, or null.</returns>
        public string? Relative(string topic) =>
            topic.StartsWith(_root, StringComparison.Ordinal) ? topic[_root.Length..] : null;

        internal static void CheckPrefix(string prefix, string name)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(prefix, name);
            if (prefix.StartsWith('/') || prefix.EndsWith('/') || prefix.AsSpan().IndexOfAny("+#") >= 0)
            {
                throw new ArgumentException("The topic prefix '" + prefix + "' must not start or end with '/' nor contain '+' or '#'.", name);
            }
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
