using System;
using NanoTlv.Firmware.Sensors;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// A BME280's trimming parameters as numbers, for the simulator to store in its calibration registers.
    /// </summary>
    public sealed record Bme280CalibrationValues
    {
        /// <summary>
        /// Temperature and pressure values from the compensation example of the Bosch BMP280 datasheet (the
        /// BME280 uses the same formulas: adc_T 519888 gives 25.08 °C, adc_P 415148 gives about 100653 Pa);
        /// humidity values as read from a typical BME280.
        /// </summary>
        public static Bme280CalibrationValues DatasheetSample { get; } = new()
        {
            T1 = 27504, T2 = 26435, T3 = -1000,
            P1 = 36477, P2 = -10685, P3 = 3024, P4 = 2855, P5 = 140, P6 = -7, P7 = 15500, P8 = -14600, P9 = 6000,
            H1 = 75, H2 = 362, H3 = 0, H4 = 313, H5 = 50, H6 = 30,
        };

        /// <summary>dig_T1, 0..65535.</summary>
        public int T1 { get; init; }

        /// <summary>dig_T2, signed 16-bit.</summary>
        public int T2 { get; init; }

        /// <summary>dig_T3, signed 16-bit.</summary>
        public int T3 { get; init; }

        /// <summary>dig_P1, 0..65535.</summary>
        public int P1 { get; init; }

        /// <summary>dig_P2, signed 16-bit.</summary>
        public int P2 { get; init; }

        /// <summary>dig_P3, signed 16-bit.</summary>
        public int P3 { get; init; }

        /// <summary>dig_P4, signed 16-bit.</summary>
        public int P4 { get; init; }

        /// <summary>dig_P5, signed 16-bit.</summary>
        public int P5 { get; init; }

        /// <summary>dig_P6, signed 16-bit.</summary>
        public int P6 { get; init; }

        /// <summary>dig_P7, signed 16-bit.</summary>
        public int P7 { get; init; }

        /// <summary>dig_P8, signed 16-bit.</summary>
        public int P8 { get; init; }

        /// <summary>dig_P9, signed 16-bit.</summary>
        public int P9 { get; init; }

        /// <summary>dig_H1, 0..255.</summary>
        public int H1 { get; init; }

        /// <summary>dig_H2, signed 16-bit.</summary>
        public int H2 { get; init; }

        /// <summary>dig_H3, 0..255.</summary>
        public int H3 { get; init; }

        /// <summary>dig_H4, signed 12-bit.</summary>
        public int H4 { get; init; }

        /// <summary>dig_H5, signed 12-bit.</summary>
        public int H5 { get; init; }

        /// <summary>dig_H6, signed 8-bit.</summary>
        public int H6 { get; init; }

        /// <summary>Writes the values into a register file in the chip's layout (0x88..0xA1 and 0xE1..0xE7).</summary>
        /// <param name="registers">256 registers indexed by address.</param>
        /// <exception cref="ArgumentOutOfRangeException">A value does not fit its register field.</exception>
        public void WriteTo(byte[] registers)
        {
            ArgumentNullException.ThrowIfNull(registers);
            ArgumentOutOfRangeException.ThrowIfLessThan(registers.Length, 256, nameof(registers));
            int at = Bme280Registers.Calibration00;
            WriteUInt16(registers, at, T1, nameof(T1));
            WriteInt16(registers, at + 2, T2, nameof(T2));
            WriteInt16(registers, at + 4, T3, nameof(T3));
            WriteUInt16(registers, at + 6, P1, nameof(P1));
            int[] pressure = [P2, P3, P4, P5, P6, P7, P8, P9];
            for (int i = 0; i < pressure.Length; i++)
            {
                WriteInt16(registers, at + 8 + (2 * i), pressure[i], "P" + (i + 2));
            }

            registers[at + 25] = ToByte(H1, 0, 255, nameof(H1));

            at = Bme280Registers.Calibration26;
            WriteInt16(registers, at, H2, nameof(H2));
            registers[at + 2] = ToByte(H3, 0, 255, nameof(H3));
            RequireRange(H4, -2048, 2047, nameof(H4));
            RequireRange(H5, -2048, 2047, nameof(H5));
            registers[at + 3] = (byte)(H4 >> 4);
            registers[at + 4] = (byte)((H4 & 0x0F) | ((H5 & 0x0F) << 4));
            registers[at + 5] = (byte)(H5 >> 4);
            registers[at + 6] = ToByte(H6, -128, 127, nameof(H6));
        }

        private static void WriteUInt16(byte[] registers, int at, int value, string name)
        {
            RequireRange(value, 0, ushort.MaxValue, name);
            registers[at] = (byte)value;
            registers[at + 1] = (byte)(value >> 8);
        }

        private static void WriteInt16(byte[] registers, int at, int value, string name)
        {
            RequireRange(value, short.MinValue, short.MaxValue, name);
            registers[at] = (byte)value;
            registers[at + 1] = (byte)(value >> 8);
        }

        private static byte ToByte(int value, int min, int max, string name)
        {
            RequireRange(value, min, max, name);
            return (byte)value;
        }

        private static void RequireRange(int value, int min, int max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name, value, "dig_" + name + " must lie in " + min + ".." + max + ".");
            }
        }
    }
}
