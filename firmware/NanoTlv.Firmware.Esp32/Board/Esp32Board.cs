using System.Device.Adc;
using System.Device.Gpio;
using NanoTlv.Firmware.Board;

namespace NanoTlv.Firmware.Esp32.Board
{
    /// <summary>Wires the ESP32 drivers to a board description.</summary>
    internal static class Esp32Board
    {
        /// <summary>Creates the drivers for <paramref name="description"/>.</summary>
        /// <param name="description">Pin table (with the I2C pins to route).</param>
        /// <param name="gpio">The GPIO controller (shared with the status LED).</param>
        /// <returns>The board services for the device server.</returns>
        public static BoardServices Create(BoardDescription description, GpioController gpio)
        {
            Esp32AnalogInputs analog = new Esp32AnalogInputs(new AdcController());
            Esp32SystemMonitor system = new Esp32SystemMonitor(analog);
            return new BoardServices(
                description,
                new Esp32DigitalPins(gpio, description.PinCount, system),
                analog,
                new Esp32PwmOutputs(description.PinCount),
                new Esp32I2cBus(description.I2cDataPin, description.I2cClockPin),
                system);
        }
    }
}
