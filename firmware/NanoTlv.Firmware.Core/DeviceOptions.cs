using System;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Firmware
{
    /// <summary>
    /// Settings of a <see cref="DeviceServer"/>. Fill it in, then hand it to the server, which checks it
    /// once (<see cref="Validate"/>) and copies what it needs: later changes do not reach a running server.
    /// </summary>
    public sealed class DeviceOptions
    {
        /// <summary>Default largest request payload.</summary>
        public const int DefaultMaxPayloadBytes = FrameFormat.DefaultDeviceMaxPayloadBytes;

        /// <summary>Smallest allowed <see cref="MaxPayloadBytes"/>: a HELLO with the longest token must fit.</summary>
        public const int MinMaxPayloadBytes = 128;

        /// <summary>Default number of simultaneous connections.</summary>
        public const int DefaultMaxClients = 4;

        /// <summary>Largest allowed <see cref="MaxClients"/>.</summary>
        public const int MaxClientsLimit = 32;

        /// <summary>Default time a started frame has to complete.</summary>
        public const int DefaultReceiveTimeoutMs = 30000;

        /// <summary>Default time without a request before the connection is closed.</summary>
        public const int DefaultIdleTimeoutMs = 60000;

        /// <summary>The <see cref="IdleTimeoutMs"/> value meaning "never".</summary>
        public const int NoIdleTimeout = 0;

        /// <summary>Default time a connection has to authenticate when a token is configured.</summary>
        public const int DefaultAuthenticationTimeoutMs = 10000;

        /// <summary>Default delay of the reply to a connection's first wrong token (it doubles per failure).</summary>
        public const int DefaultFailedHelloDelayMs = 250;

        /// <summary>Largest allowed <see cref="FailedHelloDelayMs"/>.</summary>
        public const int MaxFailedHelloDelayMs = 60000;

        /// <summary>Default wrong tokens after which a connection is closed.</summary>
        public const int DefaultMaxFailedHellosPerConnection = 5;

        /// <summary>Default recent wrong tokens, device-wide, that start a cool-down.</summary>
        public const int DefaultMaxRecentFailedHellos = 10;

        /// <summary>Largest allowed <see cref="MaxFailedHellosPerConnection"/> and <see cref="MaxRecentFailedHellos"/>.</summary>
        public const int FailedHelloLimitMax = 1000;

        /// <summary>The value of a throttling setting that turns it off (tests and trusted networks only).</summary>
        public const int ThrottlingOff = 0;

        /// <summary>Default <see cref="DeviceName"/>.</summary>
        public const string DefaultDeviceName = "nanotlv";

        private const int HighestPinNumber = byte.MaxValue;
        private const char FirstPrintableAscii = ' ';
        private const char LastPrintableAscii = '~';

        // Boot failsafe levels by pin, only as long as the highest pin given one (grown by SetFailsafe while the
        // device is configured); the server copies them into a table of the board's size.
        private byte[] _failsafeLevels = new byte[0];

        /// <summary>Creates options with every default and no failsafe levels.</summary>
        public DeviceOptions()
        {
        }

        /// <summary>Name in the HELLO reply: printable ASCII, at most 32 characters.</summary>
        public string DeviceName { get; set; } = DefaultDeviceName;

        /// <summary>Firmware major version in the HELLO reply.</summary>
        public byte FirmwareMajor { get; set; }

        /// <summary>Firmware minor version in the HELLO reply.</summary>
        public byte FirmwareMinor { get; set; }

        /// <summary>Firmware patch version in the HELLO reply.</summary>
        public byte FirmwarePatch { get; set; }

        /// <summary>Largest request payload accepted (128..65535); a larger frame is discarded and reported.</summary>
        public int MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

        /// <summary>Simultaneous connections (1..32); one more gets a ConnectionRejected event and is closed.</summary>
        public int MaxClients { get; set; } = DefaultMaxClients;

        /// <summary>Token a connection must present in HELLO before other commands than HELLO and PING;
        /// null for none. Printable ASCII, 1..64 characters.</summary>
        public string? AuthToken { get; set; }

        /// <summary>Milliseconds a frame, once its first byte arrived, has to complete; the connection is
        /// dropped otherwise (so a trickling client only ever holds its own slot).</summary>
        public int ReceiveTimeoutMs { get; set; } = DefaultReceiveTimeoutMs;

        /// <summary>Milliseconds without a request after which the connection's failsafe levels are applied
        /// and it is closed; <see cref="NoIdleTimeout"/> (0) for never.</summary>
        public int IdleTimeoutMs { get; set; } = DefaultIdleTimeoutMs;

        /// <summary>Milliseconds a connection has, when a token is configured, to authenticate with HELLO; it
        /// is closed otherwise (its failsafe levels apply), so clients without the token cannot hold slots.
        /// Ignored without a token.</summary>
        public int AuthenticationTimeoutMs { get; set; } = DefaultAuthenticationTimeoutMs;

        /// <summary>Milliseconds the reply to a connection's first wrong token is held back; each further failure
        /// on the connection (or recent failure on the device) doubles it, up to 16 times this.
        /// <see cref="ThrottlingOff"/> (0) for no delay.</summary>
        public int FailedHelloDelayMs { get; set; } = DefaultFailedHelloDelayMs;

        /// <summary>Wrong tokens after which a connection is closed (right after answering the last one);
        /// <see cref="ThrottlingOff"/> (0) for never.</summary>
        public int MaxFailedHellosPerConnection { get; set; } = DefaultMaxFailedHellosPerConnection;

        /// <summary>Recent wrong tokens, over every connection, at which the device cools down: HELLOs that
        /// present a token are answered Busy without being checked until one failure has been forgotten (one is
        /// forgotten every <see cref="Security.FailedHelloThrottle.ForgetOneFailureMs"/>).
        /// <see cref="ThrottlingOff"/> (0) for no cool-down.</summary>
        public int MaxRecentFailedHellos { get; set; } = DefaultMaxRecentFailedHellos;

        /// <summary>
        /// Sets a boot-configured failsafe level: the server drives the pin to it at start-up and again
        /// whenever the connection controlling the pin goes away. A FAILSAFE command can change or clear it.
        /// </summary>
        /// <param name="pin">GPIO number (0..255; checked against the board by the server).</param>
        /// <param name="high">The level.</param>
        /// <exception cref="ArgumentOutOfRangeException">The pin number is not 0..255.</exception>
        public void SetFailsafe(int pin, bool high)
        {
            CheckPinNumber(pin);
            if (pin >= _failsafeLevels.Length)
            {
                byte[] longer = new byte[pin + 1];
                Array.Copy(_failsafeLevels, longer, _failsafeLevels.Length);
                for (int unset = _failsafeLevels.Length; unset < pin; unset++)
                {
                    longer[unset] = WireMarkers.FailsafeClear;
                }

                _failsafeLevels = longer;
            }

            _failsafeLevels[pin] = high ? (byte)1 : (byte)0;
        }

        /// <summary>Removes a boot-configured failsafe level.</summary>
        /// <param name="pin">GPIO number (0..255).</param>
        /// <exception cref="ArgumentOutOfRangeException">The pin number is not 0..255.</exception>
        public void ClearFailsafe(int pin)
        {
            CheckPinNumber(pin);
            if (pin < _failsafeLevels.Length)
            {
                _failsafeLevels[pin] = WireMarkers.FailsafeClear;
            }
        }

        /// <summary>Checks every setting.</summary>
        /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
        public void Validate()
        {
            CheckAscii(DeviceName, nameof(DeviceName), 0, ProtocolLimits.MaxDeviceNameBytes);
            if (AuthToken != null)
            {
                CheckAscii(AuthToken, nameof(AuthToken), 1, ProtocolLimits.MaxTokenBytes);
            }

            CheckRange(MaxPayloadBytes, MinMaxPayloadBytes, FrameFormat.MaxEncodablePayloadBytes, nameof(MaxPayloadBytes));
            CheckRange(MaxClients, 1, MaxClientsLimit, nameof(MaxClients));
            CheckRange(ReceiveTimeoutMs, 1, int.MaxValue, nameof(ReceiveTimeoutMs));
            CheckRange(IdleTimeoutMs, 0, int.MaxValue, nameof(IdleTimeoutMs));
            CheckRange(AuthenticationTimeoutMs, 1, int.MaxValue, nameof(AuthenticationTimeoutMs));
            CheckRange(FailedHelloDelayMs, 0, MaxFailedHelloDelayMs, nameof(FailedHelloDelayMs));
            CheckRange(MaxFailedHellosPerConnection, 0, FailedHelloLimitMax, nameof(MaxFailedHellosPerConnection));
            CheckRange(MaxRecentFailedHellos, 0, FailedHelloLimitMax, nameof(MaxRecentFailedHellos));
        }

        /// <summary>The boot failsafe level of <paramref name="pin"/>: 0, 1 or <see cref="WireMarkers.FailsafeClear"/>.</summary>
        /// <param name="pin">GPIO number (any int).</param>
        /// <returns>The level byte.</returns>
        internal byte GetFailsafeLevel(int pin) =>
            pin >= 0 && pin < _failsafeLevels.Length ? _failsafeLevels[pin] : WireMarkers.FailsafeClear;

        /// <summary>One more than the highest pin that was given a boot failsafe level (0 when none was).</summary>
        internal int FailsafePinCount => _failsafeLevels.Length;

        private static void CheckPinNumber(int pin)
        {
            if (pin < 0 || pin > HighestPinNumber)
            {
                throw new ArgumentOutOfRangeException(nameof(pin), "A pin number is 0..255; got " + pin + ".");
            }
        }

        private static void CheckRange(int value, int min, int max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentException(name + " must be " + min + ".." + max + "; got " + value + ".", name);
            }
        }

        private static void CheckAscii(string? text, string name, int minLength, int maxLength)
        {
            if (text == null)
            {
                throw new ArgumentException(name + " must not be null.", name);
            }

            if (text.Length < minLength || text.Length > maxLength)
            {
                throw new ArgumentException(name + " must be " + minLength + ".." + maxLength + " characters long; it has " + text.Length + ".", name);
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < FirstPrintableAscii || c > LastPrintableAscii)
                {
                    throw new ArgumentException(name + " must be printable ASCII; character " + i + " is not.", name);
                }
            }
        }
    }
}
