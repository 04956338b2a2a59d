namespace NanoTlv.Firmware.Sensors
{
    /// <summary>
    /// The BME280 register map and bit fields, named after the Bosch datasheet (BST-BME280-DS002, section 5.3).
    /// </summary>
    /// <remarks>
    /// <code>
    /// 0x88..0xA1  calib00..calib25   T1 T2 T3 P1..P9 (16-bit little-endian each), 0xA0 unused, 0xA1 H1
    /// 0xD0        id                 0x60
    /// 0xE0        reset              write 0xB6 to reset
    /// 0xE1..0xE7  calib26..calib32   H2 (LE), H3, H4/H5 packed in 0xE4..0xE6, H6
    /// 0xF2        ctrl_hum           osrs_h[2:0]; takes effect after the next ctrl_meas write
    /// 0xF3        status             measuring[3], im_update[0]
    /// 0xF4        ctrl_meas          osrs_t[7:5] osrs_p[4:2] mode[1:0]
    /// 0xF5        config             t_sb[7:5] filter[4:2] spi3w_en[0]; written in sleep mode only
    /// 0xF7..0xFE  press_msb press_lsb press_xlsb[7:4] temp_msb temp_lsb temp_xlsb[7:4] hum_msb hum_lsb
    /// </code>
    /// I2C writes send (register, value) pairs; reads send the register then read with auto-increment.
    /// </remarks>
    public static class Bme280Registers
    {
        /// <summary>First calibration block (calib00).</summary>
        public const byte Calibration00 = 0x88;

        /// <summary>Bytes of the first calibration block, 0x88..0xA1.</summary>
        public const int Calibration00Bytes = 26;

        /// <summary>Chip id register.</summary>
        public const byte ChipId = 0xD0;

        /// <summary>Soft reset register.</summary>
        public const byte Reset = 0xE0;

        /// <summary>Second calibration block (calib26).</summary>
        public const byte Calibration26 = 0xE1;

        /// <summary>Bytes of the second calibration block, 0xE1..0xE7.</summary>
        public const int Calibration26Bytes = 7;

        /// <summary>Humidity oversampling.</summary>
        public const byte CtrlHum = 0xF2;

        /// <summary>Device status.</summary>
        public const byte Status = 0xF3;

        /// <summary>Temperature/pressure oversampling and power mode.</summary>
        public const byte CtrlMeas = 0xF4;

        /// <summary>Standby time, IIR filter, SPI 3-wire.</summary>
        public const byte Config = 0xF5;

        /// <summary>First raw data register (press_msb).</summary>
        public const byte DataStart = 0xF7;

        /// <summary>Raw data bytes, 0xF7..0xFE, read in one burst so they come from one measurement.</summary>
        public const int DataBytes = 8;

        /// <summary>The value of <see cref="ChipId"/> on a BME280 (a BMP280 answers 0x58).</summary>
        public const byte ExpectedChipId = 0x60;

        /// <summary>Written to <see cref="Reset"/> to reset the chip.</summary>
        public const byte ResetCommand = 0xB6;

        /// <summary><see cref="Status"/>: a conversion is running.</summary>
        public const byte StatusMeasuring = 0x08;

        /// <summary><see cref="Status"/>: calibration data is being copied from NVM.</summary>
        public const byte StatusImUpdate = 0x01;

        /// <summary><see cref="CtrlMeas"/> mode bits.</summary>
        public const byte ModeMask = 0x03;

        /// <summary>Sleep mode: no conversions.</summary>
        public const byte ModeSleep = 0x00;

        /// <summary>Forced mode: one conversion, then back to sleep (0x02 means the same).</summary>
        public const byte ModeForced = 0x01;

        /// <summary>Normal mode: conversions every standby period.</summary>
        public const byte ModeNormal = 0x03;

        /// <summary>Shift of osrs_t in <see cref="CtrlMeas"/>.</summary>
        public const int TemperatureOversamplingShift = 5;

        /// <summary>Shift of osrs_p in <see cref="CtrlMeas"/>.</summary>
        public const int PressureOversamplingShift = 2;

        /// <summary>Mask of an oversampling field (after shifting), also osrs_h in <see cref="CtrlHum"/>.</summary>
        public const byte OversamplingMask = 0x07;

        /// <summary>Shift of t_sb in <see cref="Config"/>.</summary>
        public const int StandbyShift = 5;

        /// <summary>Shift of the IIR filter coefficient in <see cref="Config"/>.</summary>
        public const int FilterShift = 2;

        /// <summary>Raw temperature or pressure of a skipped measurement (also the reset value).</summary>
        public const int SkippedTemperatureOrPressure = 0x80000;

        /// <summary>Raw humidity of a skipped measurement (also the reset value).</summary>
        public const int SkippedHumidity = 0x8000;
    }
}
