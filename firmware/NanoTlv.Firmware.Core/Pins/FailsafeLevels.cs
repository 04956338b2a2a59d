using NanoTlv.Messages;

namespace NanoTlv.Firmware.Pins
{
    /// <summary>
    /// The failsafe level of every pin: 0, 1 or <see cref="WireMarkers.FailsafeClear"/> (none). Filled from
    /// <see cref="DeviceOptions.SetFailsafe"/> at start-up and changed by FAILSAFE; guarded by the pin lock.
    /// </summary>
    internal sealed class FailsafeLevels
    {
        private readonly byte[] _levels;

        /// <summary>Creates the table with the boot-configured levels.</summary>
        /// <param name="pinCount">One more than the highest pin number.</param>
        /// <param name="options">Holds the boot levels.</param>
        public FailsafeLevels(int pinCount, DeviceOptions options)
        {
            _levels = new byte[pinCount];
            for (int pin = 0; pin < pinCount; pin++)
            {
                _levels[pin] = options.GetFailsafeLevel(pin);
            }
        }

        /// <summary>One more than the highest pin number.</summary>
        public int PinCount => _levels.Length;

        /// <summary>True when <paramref name="pin"/> has a failsafe level.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <returns>Whether a level is set.</returns>
        public bool HasLevel(int pin) => _levels[pin] != WireMarkers.FailsafeClear;

        /// <summary>The failsafe level (call only when <see cref="HasLevel"/>).</summary>
        /// <param name="pin">A valid pin.</param>
        /// <returns>True for high.</returns>
        public bool LevelOf(int pin) => _levels[pin] == 1;

        /// <summary>Sets or clears a level.</summary>
        /// <param name="pin">A valid pin.</param>
        /// <param name="level">0, 1 or <see cref="WireMarkers.FailsafeClear"/>.</param>
        public void Set(int pin, byte level) => _levels[pin] = level;
    }
}
