using System;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Board
{
    /// <summary>
    /// The ESP32 DevKit (WROOM-32 module) pin table as data: GPIO 0..39 with what each can do.
    /// Other boards built on the same chip are the same table with other I2C/LED pins and module-wired pins
    /// reserved, one <see cref="Create(string, int, int, int, int[])"/> call each (an ESP32-DevKitC with a WROVER
    /// module: GPIO 16/17 reserved for the PSRAM, no LED); no code differs per variant.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>GPIO 20, 24 and 28..31 do not exist on this chip: null entries.</item>
    /// <item>GPIO 6..11: wired to the SPI flash, <see cref="PinCapabilities.Reserved"/>.</item>
    /// <item>GPIO 34..39: input only, no pull resistors, no PWM.</item>
    /// <item>GPIO 0, 2, 5, 12, 15: <see cref="PinCapabilities.Strapping"/>.</item>
    /// <item>GPIO 1, 3: UART0, nanoFramework's debugger wire: <see cref="PinCapabilities.SystemUse"/>.</item>
    /// <item>ADC1 channel 0..7 on GPIO 36, 37, 38, 39, 32, 33, 34, 35: <see cref="PinCapabilities.Analog"/>.</item>
    /// <item>PWM (LEDC) on every output-capable pin.</item>
    /// <item>I2C on 21 (SDA) / 22 (SCL) and the status LED on 2 unless other pins are given.</item>
    /// </list>
    /// </remarks>
    public static class Esp32DevKitBoard
    {
        /// <summary>Name of the default variant.</summary>
        public const string VariantName = "ESP32 DevKit (WROOM-32)";

        /// <summary>GPIO numbers run 0..39.</summary>
        public const int GpioCount = 40;

        /// <summary>Default I2C data pin.</summary>
        public const int DefaultI2cDataPin = 21;

        /// <summary>Default I2C clock pin.</summary>
        public const int DefaultI2cClockPin = 22;

        /// <summary>Default status LED pin (the blue LED of DevKit V1 boards).</summary>
        public const int DefaultStatusLedPin = 2;

        /// <summary>
        /// Input voltage of the ADC's largest raw value (4095 of 12 bits) at the 11 dB attenuation nanoFramework
        /// configures on every ESP32 ADC channel. Espressif quotes a nominal 3.9 V full scale that the supply
        /// (3.3 V) cuts off; measured, the uncalibrated ADC reaches 4095 at about 3.1 V and is nonlinear above
        /// about 2.45 V, so millivolts derived from it are approximate. The ESP32 driver and the virtual board
        /// both use this value.
        /// </summary>
        public const int AdcFullScaleMillivolts = 3100;

        /// <summary>Bits of an ESP32 ADC reading.</summary>
        public const int AdcResolutionBits = 12;

        private const PinCapabilities GeneralPurpose =
            PinCapabilities.DigitalInput | PinCapabilities.DigitalOutput | PinCapabilities.PullUp |
            PinCapabilities.PullDown | PinCapabilities.OpenDrain | PinCapabilities.Pwm;

        // GPIO 34..39 have no output driver and no pull resistors.
        private const PinCapabilities InputOnly = PinCapabilities.DigitalInput;

        private static readonly int[] MissingPins = new int[] { 20, 24, 28, 29, 30, 31 };

        // Wired to the module's SPI flash; driving them crashes the chip.
        private static readonly int[] FlashPins = new int[] { 6, 7, 8, 9, 10, 11 };

        private static readonly int[] InputOnlyPins = new int[] { 34, 35, 36, 37, 38, 39 };

        private static readonly int[] StrappingPins = new int[] { 0, 2, 5, 12, 15 };

        // UART0 TX/RX carry nanoFramework's debugger and deployment protocol.
        private static readonly int[] ConsolePins = new int[] { 1, 3 };

        // ADC1 channel n is on pin Adc1PinByChannel[n]. ADC2 (GPIO 0, 2, 4, 12..15, 25..27) is not
        // listed on purpose: the Wi-Fi driver owns ADC2 while Wi-Fi is on, and this firmware always runs
        // Wi-Fi, so an ADC2 read would fail or block at run time.
        private static readonly int[] Adc1PinByChannel = new int[] { 36, 37, 38, 39, 32, 33, 34, 35 };

        private static readonly int[] NoPins = new int[0];

        /// <summary>The DevKit with I2C on 21/22 and the status LED on 2.</summary>
        /// <returns>The description.</returns>
        public static BoardDescription Create() =>
            Create(VariantName, DefaultI2cDataPin, DefaultI2cClockPin, DefaultStatusLedPin, NoPins);

        /// <summary>The DevKit with other I2C and LED pins.</summary>
        /// <param name="i2cDataPin">SDA pin or <see cref="BoardDescription.NoPin"/>.</param>
        /// <param name="i2cClockPin">SCL pin or <see cref="BoardDescription.NoPin"/>.</param>
        /// <param name="statusLedPin">Status LED pin or <see cref="BoardDescription.NoPin"/>.</param>
        /// <returns>The description.</returns>
        /// <exception cref="ArgumentException">A pin cannot serve its role (input-only, reserved, missing, used twice).</exception>
        public static BoardDescription Create(int i2cDataPin, int i2cClockPin, int statusLedPin) =>
            Create(VariantName, i2cDataPin, i2cClockPin, statusLedPin, NoPins);

        /// <summary>A board on the ESP32 chip: the DevKit table with the given name, firmware pins and
        /// pins the module wires internally (e.g. PSRAM on WROVER) reserved.</summary>
        /// <param name="name">Variant name.</param>
        /// <param name="i2cDataPin">SDA pin or <see cref="BoardDescription.NoPin"/>.</param>
        /// <param name="i2cClockPin">SCL pin or <see cref="BoardDescription.NoPin"/>.</param>
        /// <param name="statusLedPin">Status LED pin or <see cref="BoardDescription.NoPin"/>.</param>
        /// <param name="moduleReservedPins">Extra pins to reserve (empty for none).</param>
        /// <returns>The description.</returns>
        /// <exception cref="ArgumentException">A pin cannot serve its role (input-only, reserved, missing, used twice).</exception>
        public static BoardDescription Create(string name, int i2cDataPin, int i2cClockPin, int statusLedPin, int[] moduleReservedPins)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (moduleReservedPins == null)
            {
                throw new ArgumentNullException(nameof(moduleReservedPins));
            }

            PinCapabilities[] capabilities = new PinCapabilities[GpioCount];
            PinReservation[] reservations = new PinReservation[GpioCount];
            int[] adcChannels = new int[GpioCount];
            for (int pin = 0; pin < GpioCount; pin++)
            {
                capabilities[pin] = GeneralPurpose;
                adcChannels[pin] = PinDescription.AdcChannelNone;
            }

            SetAll(capabilities, InputOnlyPins, InputOnly);
            Add(capabilities, StrappingPins, PinCapabilities.Strapping);
            Add(capabilities, ConsolePins, PinCapabilities.SystemUse);
            SetReservation(reservations, ConsolePins, PinReservation.Console);
            for (int channel = 0; channel < Adc1PinByChannel.Length; channel++)
            {
                int pin = Adc1PinByChannel[channel];
                capabilities[pin] |= PinCapabilities.Analog;
                adcChannels[pin] = channel;
            }

            SetAll(capabilities, FlashPins, PinCapabilities.Reserved);
            SetReservation(reservations, FlashPins, PinReservation.Flash);
            for (int i = 0; i < moduleReservedPins.Length; i++)
            {
                int pin = moduleReservedPins[i];
                RequireExisting(pin, "module-reserved");
                capabilities[pin] = PinCapabilities.Reserved;
                reservations[pin] = PinReservation.ModuleWiring;
                adcChannels[pin] = PinDescription.AdcChannelNone;
            }

            AssignOutputRole(capabilities, reservations, i2cDataPin, PinCapabilities.I2c, PinReservation.I2cData, "I2C data");
            AssignOutputRole(capabilities, reservations, i2cClockPin, PinCapabilities.I2c, PinReservation.I2cClock, "I2C clock");
            AssignOutputRole(capabilities, reservations, statusLedPin, PinCapabilities.SystemUse, PinReservation.StatusLed, "status LED");
            if (i2cDataPin != BoardDescription.NoPin && (i2cDataPin == i2cClockPin || i2cDataPin == statusLedPin))
            {
                throw new ArgumentException("GPIO " + i2cDataPin + " cannot serve two firmware roles.", nameof(i2cDataPin));
            }

            if (i2cClockPin != BoardDescription.NoPin && i2cClockPin == statusLedPin)
            {
                throw new ArgumentException("GPIO " + i2cClockPin + " cannot serve two firmware roles.", nameof(i2cClockPin));
            }

            PinDescription[] pins = new PinDescription[GpioCount];
            for (int pin = 0; pin < GpioCount; pin++)
            {
                if (!Contains(MissingPins, pin))
                {
                    pins[pin] = new PinDescription(pin, capabilities[pin], adcChannels[pin], reservations[pin]);
                }
            }

            return new BoardDescription(name, pins, i2cDataPin, i2cClockPin, statusLedPin);
        }

        private static void AssignOutputRole(PinCapabilities[] capabilities, PinReservation[] reservations, int pin, PinCapabilities flag, PinReservation reservation, string role)
        {
            if (pin == BoardDescription.NoPin)
            {
                return;
            }

            RequireExisting(pin, role);
            PinCapabilities current = capabilities[pin];
            if ((current & PinCapabilities.Reserved) != 0 || (current & PinCapabilities.DigitalOutput) == 0)
            {
                throw new ArgumentException("GPIO " + pin + " cannot be the " + role + " pin: it is reserved or input-only.", nameof(pin));
            }

            capabilities[pin] = current | flag;
            reservations[pin] = reservation;
        }

        private static void RequireExisting(int pin, string role)
        {
            if (pin < 0 || pin >= GpioCount || Contains(MissingPins, pin))
            {
                throw new ArgumentException("GPIO " + pin + " (" + role + ") is not a pin of the ESP32.", nameof(pin));
            }
        }

        private static void SetAll(PinCapabilities[] capabilities, int[] pins, PinCapabilities value)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                capabilities[pins[i]] = value;
            }
        }

        private static void SetReservation(PinReservation[] reservations, int[] pins, PinReservation reservation)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                reservations[pins[i]] = reservation;
            }
        }

        private static void Add(PinCapabilities[] capabilities, int[] pins, PinCapabilities flag)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                capabilities[pins[i]] |= flag;
            }
        }

        private static bool Contains(int[] pins, int pin)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i] == pin)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
