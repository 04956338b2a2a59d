namespace NanoTlv.Firmware.Sensors
{
    /// <summary>How the BME280 driver makes conversions.</summary>
    public enum Bme280Mode : byte
    {
        /// <summary>Each read triggers one conversion and waits for it; the chip sleeps in between
        /// (the datasheet's recommendation for weather monitoring).</summary>
        Forced = 0,

        /// <summary>The chip converts continuously; a read returns the latest conversion at once.</summary>
        Normal = 1,
    }
}
