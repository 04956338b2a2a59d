using System;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>
/// A small board for core tests, built from the virtual device's drivers (which throw when the core
/// skips a check it promises) and a <see cref="TestClock"/>.
/// </summary>
/// <remarks>
/// Pins: 0..5 general purpose (input, output, pulls, open drain, PWM), 4 also ADC channel 2;
/// 6 reserved; 7 missing; 8 and 9 input only with ADC channels 0 and 1; 10 output only (no PWM, no pulls);
/// 11/12 I2C SDA/SCL; 13 status LED (system use). A BME280 simulator sits at 0x76.
/// </remarks>
public sealed class TestBoard : IDisposable
{
    public const int AnalogPin = 8;
    public const int AnalogChannel = 0;
    public const int GeneralAnalogPin = 4;
    public const int InputOnlyPin = 9;
    public const int OutputOnlyPin = 10;
    public const int ReservedPin = 6;
    public const int I2cDataPin = 11;
    public const int StatusLedPin = 13;

    private const PinCapabilities GeneralPurpose =
        PinCapabilities.DigitalInput | PinCapabilities.DigitalOutput | PinCapabilities.PullUp |
        PinCapabilities.PullDown | PinCapabilities.OpenDrain | PinCapabilities.Pwm;

    public TestBoard()
        : this(CreateDescription(), VirtualPwmOutputs.DefaultChannelCount)
    {
    }

    public TestBoard(BoardDescription description, int pwmChannels)
    {
        Description = description;
        Clock = new TestClock();
        Digital = new VirtualDigitalPins(description, Clock);
        Analog = new VirtualAnalogInputs(VirtualAnalogInputs.ChannelCountFor(description));
        Pwm = new VirtualPwmOutputs(description, pwmChannels);
        I2c = new VirtualI2cBus();
        Bme280 = new Bme280Simulator();
        I2c.Attach(0x76, Bme280);
        Services = new BoardServices(description, Digital, Analog, Pwm, I2c, Clock);
    }

    public BoardDescription Description { get; }

    public BoardServices Services { get; }

    public TestClock Clock { get; }

    public VirtualDigitalPins Digital { get; }

    public VirtualAnalogInputs Analog { get; }

    public VirtualPwmOutputs Pwm { get; }

    public VirtualI2cBus I2c { get; }

    public Bme280Simulator Bme280 { get; }

    public static BoardDescription CreateDescription()
    {
        var pins = new PinDescription?[14];
        for (int pin = 0; pin <= 5; pin++)
        {
            pins[pin] = new PinDescription(pin, GeneralPurpose, PinDescription.NoAdcChannel);
        }

        pins[GeneralAnalogPin] = new PinDescription(GeneralAnalogPin, GeneralPurpose | PinCapabilities.Analog, 2);
        pins[ReservedPin] = new PinDescription(ReservedPin, PinCapabilities.Reserved, PinDescription.NoAdcChannel, PinReservation.Flash);
        pins[AnalogPin] = new PinDescription(AnalogPin, PinCapabilities.DigitalInput | PinCapabilities.Analog, 0);
        pins[InputOnlyPin] = new PinDescription(InputOnlyPin, PinCapabilities.DigitalInput | PinCapabilities.Analog, 1);
        pins[OutputOnlyPin] = new PinDescription(OutputOnlyPin, PinCapabilities.DigitalOutput, PinDescription.NoAdcChannel);
        pins[I2cDataPin] = new PinDescription(I2cDataPin, GeneralPurpose | PinCapabilities.I2c, PinDescription.NoAdcChannel, PinReservation.I2cData);
        pins[12] = new PinDescription(12, GeneralPurpose | PinCapabilities.I2c, PinDescription.NoAdcChannel, PinReservation.I2cClock);
        pins[StatusLedPin] = new PinDescription(StatusLedPin, GeneralPurpose | PinCapabilities.SystemUse, PinDescription.NoAdcChannel, PinReservation.StatusLed);
        return new BoardDescription("Test board", pins!, I2cDataPin, 12, StatusLedPin);
    }

    public void Dispose() => Digital.Dispose();
}
