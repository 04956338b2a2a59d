namespace NanoTlv.Firmware.Board
{
    /// <summary>How a GPIO driver configures a pin: the hardware's modes, whatever the wire calls them.</summary>
    public enum GpioMode
    {
        /// <summary>Input, floating.</summary>
        Input,

        /// <summary>Input with the internal pull-up.</summary>
        InputPullUp,

        /// <summary>Input with the internal pull-down.</summary>
        InputPullDown,

        /// <summary>Push-pull output.</summary>
        Output,

        /// <summary>Open-drain output.</summary>
        OutputOpenDrain,
    }
}
