using NanoTlv.Firmware.Board;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>
/// The core tests' board: a small pin table on the virtual device's drivers (which throw when the core skips a
/// check it promises), with fixed memory figures and chip temperature so that replies are byte-exact.
/// </summary>
/// <remarks>
/// Pins: 0..5 general purpose (input, output, pulls, open drain, PWM), 4 also ADC channel 2;
/// 6 reserved; 7 missing; 8 and 9 input only with ADC channels 0 and 1; 10 output only (no PWM, no pulls);
/// 11/12 I2C SDA/SCL; 13 status LED (system use). A BME280 simulator sits at 0x76.
/// </remarks>
public static class TestBoard
{
    public const int AnalogPin = 8;
    public const int AnalogChannel = 0;
    public const int GeneralAnalogPin = 4;
    public const int InputOnlyPin = 9;
    public const int OutputOnlyPin = 10;
    public const int ReservedPin = 6;
    public const int I2cDataPin = 11;
    public const int StatusLedPin = 13;
    public const uint FreeMemoryBytes = 81920;
    public const uint TotalMemoryBytes = 131072;
    public const int InternalCentiCelsius = 4512;

    private const PinCapabilities GeneralPurpose =
        PinCapabilities.DigitalInput | PinCapabilities.DigitalOutput | PinCapabilities.PullUp |
        PinCapabilities.PullDown | PinCapabilities.OpenDrain | PinCapabilities.Pwm;

    /// <summary>A new board with this pin table (dispose it: it runs a GPIO event thread).</summary>
    public static VirtualBoard Create() => Create(CreateDescription());

    /// <summary>A new board with another pin table (e.g. the DevKit's, for the documented examples) and this
    /// board's memory figures and chip temperature.</summary>
    public static VirtualBoard Create(BoardDescription description)
    {
        var board = new VirtualBoard(description);
        board.System.FreeMemoryBytes = FreeMemoryBytes;
        board.System.TotalMemoryBytes = TotalMemoryBytes;
        board.System.InternalTemperatureCentiCelsius = InternalCentiCelsius;
        return board;
    }

    public static BoardDescription CreateDescription()
    {
        var pins = new PinDescription?[14];
        for (int pin = 0; pin <= 5; pin++)
        {
            pins[pin] = new PinDescription(pin, GeneralPurpose, PinDescription.AdcChannelNone);
        }

        pins[GeneralAnalogPin] = new PinDescription(GeneralAnalogPin, GeneralPurpose | PinCapabilities.Analog, 2);
        pins[ReservedPin] = new PinDescription(ReservedPin, PinCapabilities.Reserved, PinDescription.AdcChannelNone, PinReservation.Flash);
        pins[AnalogPin] = new PinDescription(AnalogPin, PinCapabilities.DigitalInput | PinCapabilities.Analog, 0);
        pins[InputOnlyPin] = new PinDescription(InputOnlyPin, PinCapabilities.DigitalInput | PinCapabilities.Analog, 1);
        pins[OutputOnlyPin] = new PinDescription(OutputOnlyPin, PinCapabilities.DigitalOutput, PinDescription.AdcChannelNone);
        pins[I2cDataPin] = new PinDescription(I2cDataPin, GeneralPurpose | PinCapabilities.I2c, PinDescription.AdcChannelNone, PinReservation.I2cData);
        pins[12] = new PinDescription(12, GeneralPurpose | PinCapabilities.I2c, PinDescription.AdcChannelNone, PinReservation.I2cClock);
        pins[StatusLedPin] = new PinDescription(StatusLedPin, GeneralPurpose | PinCapabilities.SystemUse, PinDescription.AdcChannelNone, PinReservation.StatusLed);
        return new BoardDescription("Test board", pins!, I2cDataPin, 12, StatusLedPin);
    }
}
