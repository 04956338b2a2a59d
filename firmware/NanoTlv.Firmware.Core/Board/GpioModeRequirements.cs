using NanoTlv.Messages;

namespace NanoTlv.Firmware.Board
{
    /// <summary>The capabilities a pin needs for each <see cref="GpioMode"/>: the one rule the firmware checks and
    /// drivers (the virtual board) enforce.</summary>
    public static class GpioModeRequirements
    {
        /// <summary>The capabilities a pin needs for <paramref name="mode"/>.</summary>
        /// <param name="mode">The mode.</param>
        /// <returns>The required capabilities.</returns>
        public static PinCapabilities For(GpioMode mode)
        {
            switch (mode)
            {
                case GpioMode.InputPullUp:
                    return PinCapabilities.DigitalInput | PinCapabilities.PullUp;
                case GpioMode.InputPullDown:
                    return PinCapabilities.DigitalInput | PinCapabilities.PullDown;
                case GpioMode.Output:
                    return PinCapabilities.DigitalOutput;
                case GpioMode.OutputOpenDrain:
                    return PinCapabilities.DigitalOutput | PinCapabilities.OpenDrain;
                default:
                    return PinCapabilities.DigitalInput;
            }
        }
    }
}
