using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Esp32.Board
{
    /// <summary>
    /// <see cref="IPwmOutputs"/> on nanoFramework's <see cref="PwmChannel"/>. On the ESP32 a pin gets PWM by
    /// being assigned one of the sixteen LEDC functions (PWM1..PWM16) first; each pin keeps its function
    /// and channel once it has one, so 16 pins at most can ever run PWM.
    /// </summary>
    internal sealed class Esp32PwmOutputs : IPwmOutputs
    {
        private static readonly DeviceFunction[] PwmFunctions = new DeviceFunction[]
        {
            DeviceFunction.PWM1, DeviceFunction.PWM2, DeviceFunction.PWM3, DeviceFunction.PWM4,
            DeviceFunction.PWM5, DeviceFunction.PWM6, DeviceFunction.PWM7, DeviceFunction.PWM8,
            DeviceFunction.PWM9, DeviceFunction.PWM10, DeviceFunction.PWM11, DeviceFunction.PWM12,
            DeviceFunction.PWM13, DeviceFunction.PWM14, DeviceFunction.PWM15, DeviceFunction.PWM16,
        };

        private readonly PwmChannel?[] _channels;
        private int _functionsUsed;

        /// <summary>Creates the driver.</summary>
        /// <param name="pinCount">One more than the highest GPIO number.</param>
        public Esp32PwmOutputs(int pinCount)
        {
            _channels = new PwmChannel?[pinCount];
        }

        /// <inheritdoc/>
        public bool Start(int pin, int frequencyHz, int dutyTenThousandths)
        {
            double dutyCycle = dutyTenThousandths / (double)ProtocolLimits.FullDuty;
            lock (_channels)
            {
                PwmChannel? channel = _channels[pin];
                if (channel == null)
                {
                    if (_functionsUsed == PwmFunctions.Length)
                    {
                        return false;
                    }

                    Configuration.SetPinFunction(pin, PwmFunctions[_functionsUsed]);
                    channel = PwmChannel.CreateFromPin(pin, frequencyHz, dutyCycle);
                    if (channel == null)
                    {
                        return false;
                    }

                    _functionsUsed++;
                    _channels[pin] = channel;
                }
                else
                {
                    channel.Frequency = frequencyHz;
                    channel.DutyCycle = dutyCycle;
                }

                channel.Start();
                return true;
            }
        }

        /// <inheritdoc/>
        public void Stop(int pin)
        {
            lock (_channels)
            {
                _channels[pin]?.Stop();
            }
        }
    }
}
