namespace NanoTlv.Firmware.Board
{
    /// <summary>
    /// Other ESP32 boards, each one line of data over the same pin table. Add a board by adding a line;
    /// a board whose chip differs (ESP32-S3, -C3) needs its own table class, not a branch in this one.
    /// </summary>
    public static class Esp32BoardVariants
    {
        /// <summary>DOIT ESP32 DevKit V1 (WROOM-32): I2C 21/22, blue LED on GPIO 2. Same as <see cref="Esp32DevKitBoard.Create()"/>.</summary>
        /// <returns>The description.</returns>
        public static BoardDescription DevKitV1() => Esp32DevKitBoard.Create();

        /// <summary>Espressif ESP32-DevKitC with a WROVER module: GPIO 16/17 drive the PSRAM; no user LED.</summary>
        /// <returns>The description.</returns>
        public static BoardDescription DevKitCWrover() =>
            Esp32DevKitBoard.Create(
                "ESP32-DevKitC (WROVER)",
                Esp32DevKitBoard.DefaultI2cDataPin,
                Esp32DevKitBoard.DefaultI2cClockPin,
                BoardDescription.NoPin,
                new int[] { 16, 17 });

        /// <summary>WEMOS LOLIN D32 (WROOM-32): LED on GPIO 5.</summary>
        /// <returns>The description.</returns>
        public static BoardDescription LolinD32() =>
            Esp32DevKitBoard.Create("LOLIN D32", Esp32DevKitBoard.DefaultI2cDataPin, Esp32DevKitBoard.DefaultI2cClockPin, 5, new int[0]);
    }
}
