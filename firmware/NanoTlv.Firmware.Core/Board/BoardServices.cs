using System;

namespace NanoTlv.Firmware.Board
{
    /// <summary>
    /// Everything the firmware core needs from a board: its description and its drivers. The ESP32
    /// application fills it with hardware drivers; the host fills it with the virtual board.
    /// </summary>
    public sealed class BoardServices
    {
        /// <summary>Bundles a board's description and drivers.</summary>
        /// <param name="description">Pins and their capabilities.</param>
        /// <param name="digital">GPIO driver.</param>
        /// <param name="analog">ADC driver.</param>
        /// <param name="pwm">PWM driver.</param>
        /// <param name="i2c">I2C master.</param>
        /// <param name="system">Clock, memory and chip sensors.</param>
        public BoardServices(BoardDescription description, IDigitalPins digital, IAnalogInputs analog, IPwmOutputs pwm, II2cBus i2c, ISystemMonitor system)
        {
            Description = description ?? throw new ArgumentNullException(nameof(description));
            Digital = digital ?? throw new ArgumentNullException(nameof(digital));
            Analog = analog ?? throw new ArgumentNullException(nameof(analog));
            Pwm = pwm ?? throw new ArgumentNullException(nameof(pwm));
            I2c = i2c ?? throw new ArgumentNullException(nameof(i2c));
            System = system ?? throw new ArgumentNullException(nameof(system));
        }

        /// <summary>Pins and their capabilities.</summary>
        public BoardDescription Description { get; }

        /// <summary>GPIO driver.</summary>
        public IDigitalPins Digital { get; }

        /// <summary>ADC driver.</summary>
        public IAnalogInputs Analog { get; }

        /// <summary>PWM driver.</summary>
        public IPwmOutputs Pwm { get; }

        /// <summary>I2C master.</summary>
        public II2cBus I2c { get; }

        /// <summary>Clock, memory and chip sensors.</summary>
        public ISystemMonitor System { get; }
    }
}
