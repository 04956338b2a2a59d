using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.PortableTests.Firmware
{
    /// <summary>
    /// A board without hardware for the firmware cases: GPIO, PWM, I2C and clock over plain arrays sized by a
    /// <see cref="BoardDescription"/> (the ADC is <see cref="FakeAnalogInputs"/>). Pins remember their mode and
    /// level; the clock stands still, so no session timeout can expire while a case runs; I2C devices never answer.
    /// </summary>
    public sealed class FakeBoard : IDigitalPins, IPwmOutputs, II2cBus, ISystemMonitor
    {
        /// <summary>The value of <see cref="ModeOf"/> for a pin the core never configured.</summary>
        public const int NoMode = -1;

        /// <summary>The fixed board uptime.</summary>
        public const long FixedUptimeMs = 123456;

        private const uint HeapFreeBytes = 81920;
        private const uint HeapTotalBytes = 131072;
        private const int ChipCentiCelsius = 4512;

        private readonly int[] _modes;
        private readonly bool[] _levels;
        private readonly int[] _writes;

        /// <summary>Creates the board with every pin unconfigured and low.</summary>
        /// <param name="description">Pins and their capabilities.</param>
        public FakeBoard(BoardDescription description)
        {
            _modes = new int[description.PinCount];
            _levels = new bool[description.PinCount];
            _writes = new int[description.PinCount];
            for (int pin = 0; pin < _modes.Length; pin++)
            {
                _modes[pin] = NoMode;
            }

            Services = new BoardServices(description, this, new FakeAnalogInputs(), this, this, this);
        }

        /// <summary>The description and this board as every driver, for a <see cref="NanoTlv.Firmware.DeviceServer"/>.</summary>
        public BoardServices Services { get; }

        /// <inheritdoc/>
        public long UptimeMs => FixedUptimeMs;

        /// <inheritdoc/>
        public uint FreeMemoryBytes => HeapFreeBytes;

        /// <inheritdoc/>
        public uint TotalMemoryBytes => HeapTotalBytes;

        /// <summary>The mode the core last set on <paramref name="pin"/>, as its wire value, or <see cref="NoMode"/>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>The mode.</returns>
        public int ModeOf(int pin) => _modes[pin];

        /// <summary>The level of <paramref name="pin"/>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>True when high.</returns>
        public bool IsHigh(int pin) => _levels[pin];

        /// <summary>How many times the core wrote <paramref name="pin"/>.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>The count.</returns>
        public int WritesOf(int pin) => _writes[pin];

        /// <inheritdoc/>
        public void SetMode(int pin, GpioMode mode) => _modes[pin] = (int)mode;

        /// <inheritdoc/>
        public void Write(int pin, bool high)
        {
            _levels[pin] = high;
            _writes[pin]++;
        }

        /// <inheritdoc/>
        public bool Read(int pin) => _levels[pin];

        /// <inheritdoc/>
        public void StartChangeEvents(int pin, int debounceMs, IPinChangeListener listener)
        {
        }

        /// <inheritdoc/>
        public void StopChangeEvents(int pin)
        {
        }

        /// <inheritdoc/>
        public bool Start(int pin, int frequencyHz, int dutyTenThousandths) => true;

        /// <inheritdoc/>
        public void Stop(int pin)
        {
        }

        /// <inheritdoc/>
        public I2cResult Write(int address, byte[] buffer, int offset, int count) => I2cResult.NoAcknowledge;

        /// <inheritdoc/>
        public I2cResult Read(int address, byte[] buffer, int offset, int count) => I2cResult.NoAcknowledge;

        /// <inheritdoc/>
        public I2cResult WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount) =>
            I2cResult.NoAcknowledge;

        /// <inheritdoc/>
        public bool TryReadInternalTemperature(out int centiCelsius)
        {
            centiCelsius = ChipCentiCelsius;
            return true;
        }
    }
}
