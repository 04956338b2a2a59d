using System;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Sensors;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// A whole board in memory: <see cref="Services"/> for the firmware core, plus hooks with which tests play
    /// the outside world (drive inputs, apply voltages, set the weather the BME280 sees, unplug it).
    /// A BME280 simulator sits on the I2C bus at <see cref="Bme280.DefaultAddress"/> from the start.
    /// </summary>
    public sealed class VirtualBoard : IDisposable
    {
        private int _disposed;

        /// <summary>A virtual ESP32 DevKit (<see cref="Esp32DevKitBoard.Create()"/>).</summary>
        public VirtualBoard()
            : this(Esp32DevKitBoard.Create())
        {
        }

        /// <summary>A virtual board with the given pin table.</summary>
        /// <param name="description">Pins and capabilities (e.g. restricted by configuration).</param>
        public VirtualBoard(BoardDescription description)
        {
            ArgumentNullException.ThrowIfNull(description);
            Description = description;
            System = new VirtualSystemMonitor();
            Digital = new VirtualDigitalPins(description, System);
            Analog = new VirtualAnalogInputs(VirtualAnalogInputs.ChannelCountFor(description));
            Pwm = new VirtualPwmOutputs(description);
            I2c = new VirtualI2cBus();
            Bme280 = new Bme280Simulator();
            I2c.Attach(Bme280Address, Bme280);
            Services = new BoardServices(description, Digital, Analog, Pwm, I2c, System);
        }

        /// <summary>What the firmware core runs on.</summary>
        public BoardServices Services { get; }

        /// <summary>The pin table.</summary>
        public BoardDescription Description { get; }

        /// <summary>GPIO driver (more hooks: GetMode, ReleaseInput, IsReportingChanges, ListenerFault).</summary>
        public VirtualDigitalPins Digital { get; }

        /// <summary>ADC driver (more hooks: SetRaw, channel-level SetMillivolts).</summary>
        public VirtualAnalogInputs Analog { get; }

        /// <summary>PWM driver.</summary>
        public VirtualPwmOutputs Pwm { get; }

        /// <summary>I2C bus (attach more simulated devices; SimulateBusError).</summary>
        public VirtualI2cBus I2c { get; }

        /// <summary>Clock, memory, internal temperature (settable).</summary>
        public VirtualSystemMonitor System { get; }

        /// <summary>The simulated BME280 (set temperature, pressure, humidity, chip id, conversion time).</summary>
        public Bme280Simulator Bme280 { get; }

        /// <summary>Where the BME280 simulator is attached.</summary>
        public int Bme280Address { get; } = Firmware.Sensors.Bme280.DefaultAddress;

        /// <summary>True while the BME280 is on the bus.</summary>
        public bool IsBme280Attached => I2c.IsAttached(Bme280Address);

        /// <summary>Drives an input line high or low from outside.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="high">The level.</param>
        public void DriveInput(int pin, bool high) => Digital.DriveInput(pin, high);

        /// <summary>Stops driving a line: it returns to its pull (or low when floating).</summary>
        /// <param name="pin">GPIO number.</param>
        public void ReleaseInput(int pin) => Digital.ReleaseInput(pin);

        /// <summary>The line level of a pin (an output's driven level, an input's read level).</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>True when high.</returns>
        public bool IsHigh(int pin) => Digital.IsHigh(pin);

        /// <summary>Applies a voltage to an analog pin.</summary>
        /// <param name="pin">GPIO number with an ADC channel.</param>
        /// <param name="millivolts">The voltage (clamped to 0..full scale like the hardware).</param>
        /// <exception cref="ArgumentException">The pin has no ADC channel.</exception>
        public void SetAnalogMillivolts(int pin, int millivolts)
        {
            PinDescription? described = Description.GetPin(pin);
            if (described == null || described.AdcChannel == PinDescription.AdcChannelNone)
            {
                throw new ArgumentException("GPIO " + pin + " has no ADC channel on " + Description.Name + ".", nameof(pin));
            }

            Analog.SetMillivolts(described.AdcChannel, millivolts);
        }

        /// <summary>What PWM is doing on a pin.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <returns>The state.</returns>
        public PwmState GetPwmState(int pin) => Pwm.GetState(pin);

        /// <summary>Sets what the BME280 measures.</summary>
        /// <param name="temperatureCelsius">−40..85 °C.</param>
        /// <param name="pressurePa">30,000..110,000 Pa.</param>
        /// <param name="humidityPercent">0..100 %RH.</param>
        public void SetEnvironment(double temperatureCelsius, double pressurePa, double humidityPercent) =>
            Bme280.SetEnvironment(temperatureCelsius, pressurePa, humidityPercent);

        /// <summary>Plugs the BME280 back in (no effect when attached).</summary>
        public void AttachBme280() => I2c.Attach(Bme280Address, Bme280);

        /// <summary>Unplugs the BME280: its address stops acknowledging.</summary>
        public void DetachBme280() => I2c.Detach(Bme280Address);

        /// <summary>True once <see cref="Dispose"/> ran: the GPIO event thread and debounce timers are stopped.</summary>
        public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        /// <summary>Stops the GPIO event thread and debounce timers.</summary>
        public void Dispose()
        {
            Interlocked.Exchange(ref _disposed, 1);
            Digital.Dispose();
        }
    }
}
