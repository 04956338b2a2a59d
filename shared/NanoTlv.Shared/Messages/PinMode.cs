namespace NanoTlv.Messages
{
    /// <summary>Pin modes on the wire (not nanoFramework's or dotnet/iot's numbering: map by name).</summary>
    public enum PinMode : byte
    {
        /// <summary>Floating input.</summary>
        Input = 0,

        /// <summary>Input with the internal pull-up.</summary>
        InputPullUp = 1,

        /// <summary>Input with the internal pull-down.</summary>
        InputPullDown = 2,

        /// <summary>Push-pull output.</summary>
        Output = 3,

        /// <summary>Open-drain output.</summary>
        OutputOpenDrain = 4,
    }
}
