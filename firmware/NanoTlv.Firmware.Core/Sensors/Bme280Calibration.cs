using System;

namespace NanoTlv.Firmware.Sensors
{
    /// <summary>
    /// A BME280's factory trimming values (dig_T1..dig_H6) and the datasheet's integer compensation
    /// formulas (section 4.2.3, rev. 1.1 of the code): raw ADC values in, physical values out.
    /// </summary>
    /// <remarks>
    /// <code>
    /// block 0x88: T1 u16 | T2 s16 | T3 s16 | P1 u16 | P2..P9 s16 | (0xA0 unused) | H1 u8 at 0xA1
    /// block 0xE1: H2 s16 | H3 u8 | 0xE4 | 0xE5 | 0xE6 | H6 s8
    ///   H4 (s12) = 0xE4 (signed) &lt;&lt; 4 | 0xE5[3:0]
    ///   H5 (s12) = 0xE6 (signed) &lt;&lt; 4 | 0xE5[7:4]
    /// </code>
    /// Integer overflow wraps as in the datasheet's C code (the project never enables checked arithmetic).
    /// </remarks>
    public sealed class Bme280Calibration
    {
        private const int HumidityOffsetFine = 76800;
        private const int HumidityMaxQ22Dot10Shifted = 419430400;

        /// <summary>dig_T1 (unsigned 16-bit).</summary>
        public int T1 { get; private set; }

        /// <summary>dig_T2.</summary>
        public int T2 { get; private set; }

        /// <summary>dig_T3.</summary>
        public int T3 { get; private set; }

        /// <summary>dig_P1 (unsigned 16-bit).</summary>
        public int P1 { get; private set; }

        /// <summary>dig_P2.</summary>
        public int P2 { get; private set; }

        /// <summary>dig_P3.</summary>
        public int P3 { get; private set; }

        /// <summary>dig_P4.</summary>
        public int P4 { get; private set; }

        /// <summary>dig_P5.</summary>
        public int P5 { get; private set; }

        /// <summary>dig_P6.</summary>
        public int P6 { get; private set; }

        /// <summary>dig_P7.</summary>
        public int P7 { get; private set; }

        /// <summary>dig_P8.</summary>
        public int P8 { get; private set; }

        /// <summary>dig_P9.</summary>
        public int P9 { get; private set; }

        /// <summary>dig_H1 (unsigned 8-bit).</summary>
        public int H1 { get; private set; }

        /// <summary>dig_H2.</summary>
        public int H2 { get; private set; }

        /// <summary>dig_H3 (unsigned 8-bit).</summary>
        public int H3 { get; private set; }

        /// <summary>dig_H4 (signed 12-bit).</summary>
        public int H4 { get; private set; }

        /// <summary>dig_H5 (signed 12-bit).</summary>
        public int H5 { get; private set; }

        /// <summary>dig_H6 (signed 8-bit).</summary>
        public int H6 { get; private set; }

        /// <summary>Decodes the two calibration blocks as read from the chip.</summary>
        /// <param name="block00">Bytes of registers 0x88..0xA1.</param>
        /// <param name="offset00">Where 0x88 sits in <paramref name="block00"/>.</param>
        /// <param name="block26">Bytes of registers 0xE1..0xE7.</param>
        /// <param name="offset26">Where 0xE1 sits in <paramref name="block26"/>.</param>
        public void Load(byte[] block00, int offset00, byte[] block26, int offset26)
        {
            if (block00 == null)
            {
                throw new ArgumentNullException(nameof(block00));
            }

            if (block26 == null)
            {
                throw new ArgumentNullException(nameof(block26));
            }

            if (offset00 < 0 || offset00 > block00.Length - Bme280Registers.Calibration00Bytes)
            {
                throw new ArgumentOutOfRangeException(nameof(offset00), "The first block needs 26 bytes from the offset.");
            }

            if (offset26 < 0 || offset26 > block26.Length - Bme280Registers.Calibration26Bytes)
            {
                throw new ArgumentOutOfRangeException(nameof(offset26), "The second block needs 7 bytes from the offset.");
            }

            T1 = ReadUInt16(block00, offset00);
            T2 = ReadInt16(block00, offset00 + 2);
            T3 = ReadInt16(block00, offset00 + 4);
            P1 = ReadUInt16(block00, offset00 + 6);
            P2 = ReadInt16(block00, offset00 + 8);
            P3 = ReadInt16(block00, offset00 + 10);
            P4 = ReadInt16(block00, offset00 + 12);
            P5 = ReadInt16(block00, offset00 + 14);
            P6 = ReadInt16(block00, offset00 + 16);
            P7 = ReadInt16(block00, offset00 + 18);
            P8 = ReadInt16(block00, offset00 + 20);
            P9 = ReadInt16(block00, offset00 + 22);
            H1 = block00[offset00 + 25];

            H2 = ReadInt16(block26, offset26);
            H3 = block26[offset26 + 2];
            int e4 = (sbyte)block26[offset26 + 3];
            int e5 = block26[offset26 + 4];
            int e6 = (sbyte)block26[offset26 + 5];
            H4 = (e4 << 4) | (e5 & 0x0F);
            H5 = (e6 << 4) | (e5 >> 4);
            H6 = (sbyte)block26[offset26 + 6];
        }

        /// <summary>BME280_compensate_T_int32.</summary>
        /// <param name="rawTemperature">adc_T, 20 bits.</param>
        /// <param name="fineTemperature">t_fine, which the pressure and humidity formulas take.</param>
        /// <returns>Temperature in 0.01 °C.</returns>
        public int CompensateTemperature(int rawTemperature, out int fineTemperature)
        {
            int var1 = (((rawTemperature >> 3) - (T1 << 1)) * T2) >> 11;
            int delta = (rawTemperature >> 4) - T1;
            int var2 = (((delta * delta) >> 12) * T3) >> 14;
            fineTemperature = var1 + var2;
            return ((fineTemperature * 5) + 128) >> 8;
        }

        /// <summary>BME280_compensate_P_int64.</summary>
        /// <param name="rawPressure">adc_P, 20 bits.</param>
        /// <param name="fineTemperature">t_fine from <see cref="CompensateTemperature"/>.</param>
        /// <returns>Pressure in Pa as unsigned Q24.8 (Pa × 256); 0 when the calibration is unusable.</returns>
        public uint CompensatePressure(int rawPressure, int fineTemperature)
        {
            long var1 = (long)fineTemperature - 128000;
            long var2 = var1 * var1 * P6;
            var2 += (var1 * P5) << 17;
            var2 += (long)P4 << 35;
            var1 = ((var1 * var1 * P3) >> 8) + ((var1 * P2) << 12);
            var1 = (((1L << 47) + var1) * P1) >> 33;
            if (var1 == 0)
            {
                return 0;
            }

            long p = 1048576 - rawPressure;
            p = (((p << 31) - var2) * 3125) / var1;
            var1 = (P9 * (p >> 13) * (p >> 13)) >> 25;
            var2 = (P8 * p) >> 19;
            p = ((p + var1 + var2) >> 8) + ((long)P7 << 4);
            return (uint)p;
        }

        /// <summary>bme280_compensate_H_int32.</summary>
        /// <param name="rawHumidity">adc_H, 16 bits.</param>
        /// <param name="fineTemperature">t_fine from <see cref="CompensateTemperature"/>.</param>
        /// <returns>Relative humidity in % as unsigned Q22.10 (%RH × 1024), 0..102400.</returns>
        public uint CompensateHumidity(int rawHumidity, int fineTemperature)
        {
            int x = fineTemperature - HumidityOffsetFine;
            int scaled = (((rawHumidity << 14) - (H4 << 20) - (H5 * x)) + 16384) >> 15;
            int factor = (((((((x * H6) >> 10) * (((x * H3) >> 11) + 32768)) >> 10) + 2097152) * H2) + 8192) >> 14;
            x = scaled * factor;
            x -= ((((x >> 15) * (x >> 15)) >> 7) * H1) >> 4;
            if (x < 0)
            {
                x = 0;
            }

            if (x > HumidityMaxQ22Dot10Shifted)
            {
                x = HumidityMaxQ22Dot10Shifted;
            }

            return (uint)(x >> 12);
        }

        private static int ReadUInt16(byte[] buffer, int offset) => buffer[offset] | (buffer[offset + 1] << 8);

        private static int ReadInt16(byte[] buffer, int offset) => (short)(buffer[offset] | (buffer[offset + 1] << 8));
    }
}
