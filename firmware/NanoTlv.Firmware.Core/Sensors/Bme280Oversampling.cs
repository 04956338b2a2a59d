namespace NanoTlv.Firmware.Sensors
{
    /// <summary>BME280 oversampling (the osrs_x register codes). More samples: less noise, longer conversions.</summary>
    public enum Bme280Oversampling : byte
    {
        /// <summary>One sample.</summary>
        X1 = 1,

        /// <summary>Two samples.</summary>
        X2 = 2,

        /// <summary>Four samples.</summary>
        X4 = 3,

        /// <summary>Eight samples.</summary>
        X8 = 4,

        /// <summary>Sixteen samples.</summary>
        X16 = 5,
    }
}
