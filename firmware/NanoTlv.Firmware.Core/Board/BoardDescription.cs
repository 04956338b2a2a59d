using System;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Board
{
    /// <summary>
    /// A board variant as data: its name, every pin with its capabilities, and the pins the firmware
    /// itself uses. Supporting another variant means another description, not other code.
    /// </summary>
    public sealed class BoardDescription
    {
        /// <summary>Marks an unused optional pin (no status LED, no I2C).</summary>
        public const int NoPin = -1;

        private readonly PinDescription[] _pinsByNumber;

        /// <summary>Creates a description.</summary>
        /// <param name="name">Variant name, e.g. "ESP32 DevKit (WROOM-32)".</param>
        /// <param name="pins">Every pin, indexed by GPIO number: entry i must describe GPIO i (null for a number the chip lacks).</param>
        /// <param name="i2cDataPin">SDA pin or <see cref="NoPin"/>.</param>
        /// <param name="i2cClockPin">SCL pin or <see cref="NoPin"/>.</param>
        /// <param name="statusLedPin">Status LED pin or <see cref="NoPin"/>.</param>
        /// <exception cref="ArgumentException">A pin entry's number does not match its index.</exception>
        public BoardDescription(string name, PinDescription[] pins, int i2cDataPin, int i2cClockPin, int statusLedPin)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (pins == null)
            {
                throw new ArgumentNullException(nameof(pins));
            }

            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i] != null && pins[i].Number != i)
                {
                    throw new ArgumentException("Pin entry " + i + " describes GPIO " + pins[i].Number + "; entries must be indexed by GPIO number.", nameof(pins));
                }
            }

            Name = name;
            _pinsByNumber = pins;
            I2cDataPin = i2cDataPin;
            I2cClockPin = i2cClockPin;
            StatusLedPin = statusLedPin;
        }

        /// <summary>Variant name.</summary>
        public string Name { get; }

        /// <summary>One more than the highest GPIO number.</summary>
        public int PinCount => _pinsByNumber.Length;

        /// <summary>SDA pin or <see cref="NoPin"/>.</summary>
        public int I2cDataPin { get; }

        /// <summary>SCL pin or <see cref="NoPin"/>.</summary>
        public int I2cClockPin { get; }

        /// <summary>Status LED pin or <see cref="NoPin"/>.</summary>
        public int StatusLedPin { get; }

        /// <summary>The pin with GPIO number <paramref name="pin"/>, or null when the board has no such pin.</summary>
        /// <param name="pin">GPIO number (any int).</param>
        /// <returns>The description or null.</returns>
        public PinDescription? GetPin(int pin) => pin >= 0 && pin < _pinsByNumber.Length ? _pinsByNumber[pin] : null;

        /// <summary>
        /// Applies a pin allow-list (from configuration): a new description in which every pin not in
        /// <paramref name="allowedPins"/> is also flagged <see cref="PinCapabilities.Reserved"/>. Allowing a
        /// pin never lifts a reservation the board already has. Firmware pins (I2C, LED) keep their roles.
        /// </summary>
        /// <param name="allowedPins">GPIO numbers clients may use.</param>
        /// <returns>The restricted description; this one is unchanged.</returns>
        /// <exception cref="ArgumentException">An allowed pin is not a pin of this board.</exception>
        public BoardDescription RestrictTo(int[] allowedPins)
        {
            if (allowedPins == null)
            {
                throw new ArgumentNullException(nameof(allowedPins));
            }

            bool[] allowed = new bool[_pinsByNumber.Length];
            for (int i = 0; i < allowedPins.Length; i++)
            {
                int pin = allowedPins[i];
                if (GetPin(pin) == null)
                {
                    throw new ArgumentException("GPIO " + pin + " in the allow-list is not a pin of " + Name + ".", nameof(allowedPins));
                }

                allowed[pin] = true;
            }

            PinDescription[] pins = new PinDescription[_pinsByNumber.Length];
            for (int pin = 0; pin < pins.Length; pin++)
            {
                PinDescription? current = _pinsByNumber[pin];
                if (current == null)
                {
                    continue;
                }

                pins[pin] = allowed[pin] || current.IsReserved
                    ? current
                    : new PinDescription(pin, current.Capabilities | PinCapabilities.Reserved, current.AdcChannel,
                        current.Reservation == PinReservation.None ? PinReservation.NotAllowed : current.Reservation);
            }

            return new BoardDescription(Name, pins, I2cDataPin, I2cClockPin, StatusLedPin);
        }
    }
}
