using System;
using System.Diagnostics;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Sensors;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// A BME280 at register level: a 256-byte register file with the chip id, calibration registers,
    /// ctrl_hum/ctrl_meas/config, status and the raw data registers 0xF7..0xFE. Tests set physical values;
    /// a conversion finds, by binary search through the datasheet's compensation formulas, the raw ADC values
    /// that produce them, so the driver's own code computes every reading.
    /// </summary>
    /// <remarks>
    /// Behaviour modelled from the datasheet: I2C writes are (register, value) pairs, a lone byte sets the
    /// register pointer, reads auto-increment (stopping at 0xFF); ctrl_hum takes effect at the next ctrl_meas
    /// write; config writes are ignored in normal mode; forced mode converts once, shows "measuring" in status
    /// for the conversion time, updates the data registers when done and returns to sleep; normal mode refreshes
    /// the data registers before every read; resolution follows oversampling (16 bits at ×1 up to 20 at ×16,
    /// humidity always 16); skipped measurements read 0x80000 / 0x8000; writing 0xB6 to 0xE0 resets the chip.
    /// Nothing is allocated per transfer.
    /// </remarks>
    public sealed class Bme280Simulator : IVirtualI2cDevice
    {
        /// <summary>Temperature at construction.</summary>
        public const double DefaultTemperatureCelsius = 21.0;

        /// <summary>Pressure at construction (standard atmosphere).</summary>
        public const double DefaultPressurePa = 101325.0;

        /// <summary>Humidity at construction.</summary>
        public const double DefaultHumidityPercent = 45.0;

        /// <summary>Lowest temperature the sensor measures (datasheet operating range).</summary>
        public const double MinTemperatureCelsius = -40;

        /// <summary>Highest temperature the sensor measures.</summary>
        public const double MaxTemperatureCelsius = 85;

        /// <summary>Lowest pressure the sensor measures (300 hPa).</summary>
        public const double MinPressurePa = 30000;

        /// <summary>Highest pressure the sensor measures (1100 hPa).</summary>
        public const double MaxPressurePa = 110000;

        /// <summary>Lowest relative humidity.</summary>
        public const double MinHumidityPercent = 0;

        /// <summary>Highest relative humidity.</summary>
        public const double MaxHumidityPercent = 100;

        private const int RegisterCount = 256;
        private const int FullResolutionBits = 20;
        private const int HumidityBits = 16;
        private const int HighestOversamplingCode = 5;
        private const double StartUpMs = 2.0;

        private static readonly Func<Bme280Calibration, int, int, double> TemperatureOf =
            static (calibration, raw, fine) => calibration.CompensateTemperature(raw, out _) / 100.0;

        private static readonly Func<Bme280Calibration, int, int, double> PressureOf =
            static (calibration, raw, fine) => calibration.CompensatePressure(raw, fine) / 256.0;

        private static readonly Func<Bme280Calibration, int, int, double> HumidityOf =
            static (calibration, raw, fine) => calibration.CompensateHumidity(raw, fine) / 1024.0;

        private readonly byte[] _registers = new byte[RegisterCount];
        private readonly Bme280Calibration _calibration = new();
        private readonly Lock _sync = new();
        private double _temperatureCelsius = DefaultTemperatureCelsius;
        private double _pressurePa = DefaultPressurePa;
        private double _humidityPercent = DefaultHumidityPercent;
        private int _activeHumidityOversampling;
        private int _pointer;
        private bool _conversionPending;
        private long _conversionDoneAt;
        private long _nvmCopyDoneAt;
        private int? _conversionTimeOverrideMs;
        private int _forcedConversions;

        /// <summary>A BME280 with <see cref="Bme280CalibrationValues.DatasheetSample"/>.</summary>
        public Bme280Simulator()
            : this(Bme280CalibrationValues.DatasheetSample)
        {
        }

        /// <summary>A BME280 with the given trimming parameters.</summary>
        /// <param name="calibration">Values for the calibration registers.</param>
        public Bme280Simulator(Bme280CalibrationValues calibration)
        {
            ArgumentNullException.ThrowIfNull(calibration);
            Calibration = calibration;
            calibration.WriteTo(_registers);
            _registers[Bme280Registers.ChipId] = Bme280Registers.ExpectedChipId;
            _calibration.Load(_registers, Bme280Registers.Calibration00, _registers, Bme280Registers.Calibration26);
            ResetControlAndData();
        }

        /// <summary>The trimming parameters in the calibration registers.</summary>
        public Bme280CalibrationValues Calibration { get; }

        /// <summary>The id register (0x60; set 0x58 to play a BMP280).</summary>
        public byte ChipId
        {
            get => ReadRegister(Bme280Registers.ChipId);
            set
            {
                lock (_sync)
                {
                    _registers[Bme280Registers.ChipId] = value;
                }
            }
        }

        /// <summary>Temperature the next conversion measures, −40..85 °C.</summary>
        public double TemperatureCelsius
        {
            get
            {
                lock (_sync)
                {
                    return _temperatureCelsius;
                }
            }

            set => SetEnvironment(value, PressurePa, HumidityPercent);
        }

        /// <summary>Pressure the next conversion measures, 30,000..110,000 Pa.</summary>
        public double PressurePa
        {
            get
            {
                lock (_sync)
                {
                    return _pressurePa;
                }
            }

            set => SetEnvironment(TemperatureCelsius, value, HumidityPercent);
        }

        /// <summary>Relative humidity the next conversion measures, 0..100 %.</summary>
        public double HumidityPercent
        {
            get
            {
                lock (_sync)
                {
                    return _humidityPercent;
                }
            }

            set => SetEnvironment(TemperatureCelsius, PressurePa, value);
        }

        /// <summary>How long a forced conversion takes; null (the default) uses the datasheet's typical time
        /// for the configured oversampling (8 ms at ×1).</summary>
        public int? ConversionTimeMs
        {
            get
            {
                lock (_sync)
                {
                    return _conversionTimeOverrideMs;
                }
            }

            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "A conversion time cannot be negative.");
                }

                lock (_sync)
                {
                    _conversionTimeOverrideMs = value;
                }
            }
        }

        /// <summary>Forced conversions started so far.</summary>
        public int ForcedConversions
        {
            get
            {
                lock (_sync)
                {
                    return _forcedConversions;
                }
            }
        }

        /// <summary>The power mode bits of ctrl_meas (0 sleep, 1/2 forced, 3 normal).</summary>
        public int Mode => ReadRegister(Bme280Registers.CtrlMeas) & Bme280Registers.ModeMask;

        /// <summary>adc_T in the data registers.</summary>
        public int RawTemperature => ReadRaw20(Bme280Registers.DataStart + 3);

        /// <summary>adc_P in the data registers.</summary>
        public int RawPressure => ReadRaw20(Bme280Registers.DataStart);

        /// <summary>adc_H in the data registers.</summary>
        public int RawHumidity => (ReadRegister(Bme280Registers.DataStart + 6) << 8) | ReadRegister(Bme280Registers.DataStart + 7);

        /// <summary>Sets all three physical values at once.</summary>
        /// <param name="temperatureCelsius">−40..85 °C.</param>
        /// <param name="pressurePa">30,000..110,000 Pa.</param>
        /// <param name="humidityPercent">0..100 %RH.</param>
        public void SetEnvironment(double temperatureCelsius, double pressurePa, double humidityPercent)
        {
            RequireRange(temperatureCelsius, MinTemperatureCelsius, MaxTemperatureCelsius, nameof(temperatureCelsius));
            RequireRange(pressurePa, MinPressurePa, MaxPressurePa, nameof(pressurePa));
            RequireRange(humidityPercent, MinHumidityPercent, MaxHumidityPercent, nameof(humidityPercent));
            lock (_sync)
            {
                _temperatureCelsius = temperatureCelsius;
                _pressurePa = pressurePa;
                _humidityPercent = humidityPercent;
            }
        }

        /// <summary>Reads a register as the chip holds it now, without side effects on status or the pointer.</summary>
        /// <param name="register">0x00..0xFF.</param>
        /// <returns>Its value.</returns>
        public byte ReadRegister(int register)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(register);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(register, RegisterCount);
            lock (_sync)
            {
                Advance();
                return _registers[register];
            }
        }

        /// <inheritdoc />
        public I2cResult Write(ReadOnlySpan<byte> data)
        {
            lock (_sync)
            {
                Advance();
                int i = 0;
                while (i < data.Length)
                {
                    _pointer = data[i];
                    if (i + 1 < data.Length)
                    {
                        WriteRegister(data[i], data[i + 1]);
                    }

                    i += 2;
                }

                return I2cResult.Ok;
            }
        }

        /// <inheritdoc />
        public I2cResult Read(Span<byte> destination)
        {
            lock (_sync)
            {
                Advance();
                if ((_registers[Bme280Registers.CtrlMeas] & Bme280Registers.ModeMask) == Bme280Registers.ModeNormal)
                {
                    Measure();
                }

                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = _registers[_pointer];
                    if (_pointer < RegisterCount - 1)
                    {
                        _pointer++;
                    }
                }

                return I2cResult.Ok;
            }
        }

        private static void RequireRange(double value, double min, double max, string name)
        {
            if (!(value >= min && value <= max))
            {
                throw new ArgumentOutOfRangeException(name, value, "The BME280 measures " + min + ".." + max + ".");
            }
        }

        private static int ResolutionBits(int oversamplingCode) =>
            Math.Min(FullResolutionBits, HumidityBits + Math.Min(oversamplingCode, HighestOversamplingCode) - 1);

        private static int Samples(int oversamplingCode) =>
            oversamplingCode == 0 ? 0 : 1 << (Math.Min(oversamplingCode, HighestOversamplingCode) - 1);

        private static long Timestamp(double afterMs) =>
            Stopwatch.GetTimestamp() + (long)(afterMs * Stopwatch.Frequency / 1000.0);

        private void WriteRegister(int register, byte value)
        {
            switch (register)
            {
                case Bme280Registers.Reset:
                    if (value == Bme280Registers.ResetCommand)
                    {
                        ResetControlAndData();
                        _nvmCopyDoneAt = Timestamp(StartUpMs);
                    }

                    break;
                case Bme280Registers.CtrlHum:
                    _registers[register] = (byte)(value & Bme280Registers.OversamplingMask);
                    break;
                case Bme280Registers.CtrlMeas:
                    _registers[register] = value;
                    _activeHumidityOversampling = _registers[Bme280Registers.CtrlHum];
                    int mode = value & Bme280Registers.ModeMask;
                    if (mode == 1 || mode == 2)
                    {
                        StartForcedConversion();
                    }

                    break;
                case Bme280Registers.Config:
                    if ((_registers[Bme280Registers.CtrlMeas] & Bme280Registers.ModeMask) != Bme280Registers.ModeNormal)
                    {
                        _registers[register] = (byte)(value & 0xFD);
                    }

                    break;
                default:
                    // Every other register is read-only.
                    break;
            }
        }

        private void StartForcedConversion()
        {
            _forcedConversions++;
            int ctrlMeas = _registers[Bme280Registers.CtrlMeas];
            int temperatureSamples = Samples((ctrlMeas >> Bme280Registers.TemperatureOversamplingShift) & Bme280Registers.OversamplingMask);
            int pressureSamples = Samples((ctrlMeas >> Bme280Registers.PressureOversamplingShift) & Bme280Registers.OversamplingMask);
            int humiditySamples = Samples(_activeHumidityOversampling);

            // Datasheet 9.1, typical: 1 + 2 T + (2 P + 0.5) + (2 H + 0.5) ms, the bracketed terms only when measured.
            double typicalMs = 1 + (2.0 * temperatureSamples)
                + (pressureSamples == 0 ? 0 : (2.0 * pressureSamples) + 0.5)
                + (humiditySamples == 0 ? 0 : (2.0 * humiditySamples) + 0.5);
            _conversionPending = true;
            _conversionDoneAt = Timestamp(_conversionTimeOverrideMs ?? typicalMs);
            Advance();
        }

        private void Advance()
        {
            long now = Stopwatch.GetTimestamp();
            if (_conversionPending && now >= _conversionDoneAt)
            {
                _conversionPending = false;
                Measure();
                _registers[Bme280Registers.CtrlMeas] &= unchecked((byte)~Bme280Registers.ModeMask);
            }

            int status = 0;
            if (_conversionPending)
            {
                status |= Bme280Registers.StatusMeasuring;
            }

            if (now < _nvmCopyDoneAt)
            {
                status |= Bme280Registers.StatusImUpdate;
            }

            _registers[Bme280Registers.Status] = (byte)status;
        }

        private void Measure()
        {
            int ctrlMeas = _registers[Bme280Registers.CtrlMeas];
            int temperatureCode = (ctrlMeas >> Bme280Registers.TemperatureOversamplingShift) & Bme280Registers.OversamplingMask;
            int pressureCode = (ctrlMeas >> Bme280Registers.PressureOversamplingShift) & Bme280Registers.OversamplingMask;

            // t_fine comes from the temperature actually reported, or from a full-resolution one when skipped.
            int temperatureBits = temperatureCode == 0 ? FullResolutionBits : ResolutionBits(temperatureCode);
            int rawTemperature = Invert(TemperatureOf, _temperatureCelsius, temperatureBits, FullResolutionBits, 0, increasing: true);
            _calibration.CompensateTemperature(rawTemperature, out int fine);

            int rawPressure = pressureCode == 0
                ? Bme280Registers.SkippedTemperatureOrPressure
                : Invert(PressureOf, _pressurePa, ResolutionBits(pressureCode), FullResolutionBits, fine, increasing: false);
            int rawHumidity = _activeHumidityOversampling == 0
                ? Bme280Registers.SkippedHumidity
                : Invert(HumidityOf, _humidityPercent, HumidityBits, HumidityBits, fine, increasing: true);
            if (temperatureCode == 0)
            {
                rawTemperature = Bme280Registers.SkippedTemperatureOrPressure;
            }

            WriteRaw20(Bme280Registers.DataStart, rawPressure);
            WriteRaw20(Bme280Registers.DataStart + 3, rawTemperature);
            _registers[Bme280Registers.DataStart + 6] = (byte)(rawHumidity >> 8);
            _registers[Bme280Registers.DataStart + 7] = (byte)rawHumidity;
        }

        // The raw value on the grid of 2^bits steps whose compensated output is nearest the target.
        private int Invert(Func<Bme280Calibration, int, int, double> compensate, double target, int bits, int fullBits, int fine, bool increasing)
        {
            int shift = fullBits - bits;
            int low = 0;
            int high = (1 << bits) - 1;
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                double value = compensate(_calibration, middle << shift, fine);
                if (increasing ? value >= target : value <= target)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            if (low > 0)
            {
                double atLow = Math.Abs(compensate(_calibration, low << shift, fine) - target);
                double below = Math.Abs(compensate(_calibration, (low - 1) << shift, fine) - target);
                if (below < atLow)
                {
                    low--;
                }
            }

            return low << shift;
        }

        private void ResetControlAndData()
        {
            _registers[Bme280Registers.CtrlHum] = 0;
            _registers[Bme280Registers.CtrlMeas] = 0;
            _registers[Bme280Registers.Config] = 0;
            _activeHumidityOversampling = 0;
            _conversionPending = false;
            WriteRaw20(Bme280Registers.DataStart, Bme280Registers.SkippedTemperatureOrPressure);
            WriteRaw20(Bme280Registers.DataStart + 3, Bme280Registers.SkippedTemperatureOrPressure);
            _registers[Bme280Registers.DataStart + 6] = Bme280Registers.SkippedHumidity >> 8;
            _registers[Bme280Registers.DataStart + 7] = 0;
        }

        private void WriteRaw20(int register, int raw)
        {
            _registers[register] = (byte)(raw >> 12);
            _registers[register + 1] = (byte)(raw >> 4);
            _registers[register + 2] = (byte)((raw & 0x0F) << 4);
        }

        private int ReadRaw20(int register)
        {
            lock (_sync)
            {
                Advance();
                return (_registers[register] << 12) | (_registers[register + 1] << 4) | (_registers[register + 2] >> 4);
            }
        }
    }
}
