using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>Readable names and explanations of <see cref="StatusCode"/> values, for messages and logs.</summary>
    public static class StatusDescriptions
    {
        /// <summary>The status's name, e.g. "PinReserved", or "0x2A" for a code this client does not know.</summary>
        /// <param name="status">The status byte.</param>
        /// <returns>The name.</returns>
        public static string NameOf(StatusCode status) =>
            System.Enum.IsDefined(status) ? status.ToString() : "0x" + ((byte)status).ToString("X2", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>What the status means for the user, in a few words.</summary>
        /// <param name="status">The status byte.</param>
        /// <returns>The explanation.</returns>
        public static string Describe(StatusCode status) => status switch
        {
            StatusCode.Ok => "success",
            StatusCode.UnknownOpcode => "the device does not know this command",
            StatusCode.BadLength => "the arguments are shorter or longer than the command takes",
            StatusCode.PinOutOfRange => "the board has no such pin",
            StatusCode.PinReserved => "the pin is reserved for the module or the firmware",
            StatusCode.UnsupportedMode => "the pin cannot be put in that mode",
            StatusCode.WrongPinMode => "the pin is not in a mode this command needs; set its mode first",
            StatusCode.NoPwmChannel => "the pin has no PWM channel",
            StatusCode.NoAdcChannel => "the pin has no ADC channel",
            StatusCode.I2cNack => "no I2C device acknowledged the address",
            StatusCode.I2cBusError => "the I2C transfer failed on the bus or moved fewer bytes than asked",
            StatusCode.SensorAbsent => "the sensor is not present or reports a wrong chip id",
            StatusCode.NotAuthenticated => "the device needs a token: send it in HELLO (tlvctl --token)",
            StatusCode.FrameTooLarge => "the frame is larger than the device accepts",
            StatusCode.BadArgument => "an argument value is out of its range",
            StatusCode.Busy => "the device cannot take this now (all connection slots used, or the pin is pulsing)",
            StatusCode.MalformedRequest => "the payload is too short for a request header",
            StatusCode.GarbageSkipped => "bytes that were not a frame were skipped",
            StatusCode.InternalError => "the device failed unexpectedly while running the command",
            StatusCode.UnsupportedVersion => "the device does not speak this protocol version",
            _ => "a status this client does not know",
        };

        /// <summary>Why a reserved pin is refused, in a few words (from its CAPS entry).</summary>
        /// <param name="reservation">The pin's reservation.</param>
        /// <returns>The explanation, e.g. "wired to the SPI flash".</returns>
        public static string Describe(PinReservation reservation) => reservation switch
        {
            PinReservation.None => "not reserved",
            PinReservation.Flash => "wired to the SPI flash",
            PinReservation.ModuleWiring => "wired inside the module (e.g. PSRAM)",
            PinReservation.NotAllowed => "not in the device's pin allow-list",
            PinReservation.Console => "UART0, nanoFramework's debug and deployment link",
            PinReservation.StatusLed => "drives the firmware's status LED",
            PinReservation.I2cData => "the I2C bus's SDA line",
            PinReservation.I2cClock => "the I2C bus's SCL line",
            _ => "reserved (reason 0x" + ((byte)reservation).ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + ")",
        };
    }
}
