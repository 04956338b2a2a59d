using System;
using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.Firmware.Sensors
{
    /// <summary>
    /// Driver for a Bosch BME280 (temperature, pressure, humidity) on an <see cref="II2cBus"/>.
    /// Results are the datasheet's integer formats: 0.01 °C, Pa × 256, %RH × 1024.
    /// </summary>
    /// <remarks>
    /// Initialisation (on <see cref="TryInitialize"/> or the first <see cref="Read"/> at an address): check
    /// the chip id (0x60), wait for the NVM copy, read both calibration blocks, put the chip to sleep,
    /// write config, then ctrl_hum, then ctrl_meas (ctrl_hum only takes effect after a ctrl_meas write).
    /// A failed transfer forgets the initialisation, so a sensor plugged back in is checked again.
    /// Every buffer is allocated in the constructor; reads allocate nothing. Calls are serialised.
    /// </remarks>
    public sealed class Bme280
    {
        /// <summary>Address with SDO to ground.</summary>
        public const int DefaultAddress = 0x76;

        /// <summary>Address with SDO to VDDIO.</summary>
        public const int SecondaryAddress = 0x77;

        /// <summary>The address argument meaning <see cref="DefaultAddress"/> (as in SENSOR_READ).</summary>
        public const int UseDefaultAddress = 0;

        private const int NotInitialized = -1;
        private const int HighestAddress = 0x7F;
        private const int NvmCopyPolls = 10;
        private const int PollIntervalMs = 1;
        private const byte NormalModeStandby125Ms = 0x02;
        private const byte FilterOff = 0x00;

        private readonly II2cBus _bus;
        private readonly Bme280Calibration _calibration = new Bme280Calibration();
        private readonly byte[] _register = new byte[1];
        private readonly byte[] _registerWrite = new byte[2];
        private readonly byte[] _oneByte = new byte[1];
        private readonly byte[] _calibration00 = new byte[Bme280Registers.Calibration00Bytes];
        private readonly byte[] _calibration26 = new byte[Bme280Registers.Calibration26Bytes];
        private readonly byte[] _data = new byte[Bme280Registers.DataBytes];
        private readonly object _sync = new object();
        private readonly Bme280Mode _mode;
        private readonly byte _ctrlHum;
        private readonly byte _ctrlMeasSleep;
        private readonly byte _config;
        private readonly int _typicalConversionMs;
        private readonly int _conversionPolls;
        private readonly int _maxConversionMs;
        private int _initializedAddress = NotInitialized;

        /// <summary>A driver in forced mode with 1× oversampling and no filter (weather monitoring).</summary>
        /// <param name="bus">The I2C master.</param>
        public Bme280(II2cBus bus)
            : this(bus, Bme280Mode.Forced, Bme280Oversampling.X1)
        {
        }

        /// <summary>A driver with the given conversion mode and oversampling (the same for all three values).</summary>
        /// <param name="bus">The I2C master.</param>
        /// <param name="mode">Forced (convert on each read) or normal (convert continuously, 125 ms standby).</param>
        /// <param name="oversampling">Oversampling of temperature, pressure and humidity.</param>
        public Bme280(II2cBus bus, Bme280Mode mode, Bme280Oversampling oversampling)
        {
            if (bus == null)
            {
                throw new ArgumentNullException(nameof(bus));
            }

            if (mode != Bme280Mode.Forced && mode != Bme280Mode.Normal)
            {
                throw new ArgumentOutOfRangeException(nameof(mode), "Mode must be Forced or Normal.");
            }

            if (oversampling < Bme280Oversampling.X1 || oversampling > Bme280Oversampling.X16)
            {
                throw new ArgumentOutOfRangeException(nameof(oversampling), "Oversampling must be X1..X16.");
            }

            _bus = bus;
            _mode = mode;
            byte code = (byte)oversampling;
            _ctrlHum = code;
            _ctrlMeasSleep = (byte)((code << Bme280Registers.TemperatureOversamplingShift) | (code << Bme280Registers.PressureOversamplingShift) | Bme280Registers.ModeSleep);
            _config = mode == Bme280Mode.Normal
                ? (byte)((NormalModeStandby125Ms << Bme280Registers.StandbyShift) | (FilterOff << Bme280Registers.FilterShift))
                : (byte)(FilterOff << Bme280Registers.FilterShift);

            // Datasheet 9.1, all three values oversampled `samples` times:
            // typical 1 + 6 * samples ms + 1 ms, maximum 1.25 + 6.9 * samples ms + 1.15 ms.
            int samples = 1 << (code - 1);
            _typicalConversionMs = 2 + (6 * samples);
            _maxConversionMs = (2400 + (6900 * samples) + 999) / 1000;
            _conversionPolls = _maxConversionMs - _typicalConversionMs + 2;
        }

        /// <summary>True when a sensor at some address has been checked and configured.</summary>
        public bool IsInitialized => _initializedAddress != NotInitialized;

        /// <summary>Checks for a BME280 at <paramref name="address"/>, reads its calibration and configures it.</summary>
        /// <param name="address">7-bit address, or <see cref="UseDefaultAddress"/>.</param>
        /// <returns><see cref="SensorResult.Ok"/>; <see cref="SensorResult.Absent"/> when nothing acknowledges
        /// or the chip id is not 0x60; <see cref="SensorResult.BusError"/>; <see cref="SensorResult.BadAddress"/>
        /// for an address above 0x7F.</returns>
        public SensorResult TryInitialize(int address)
        {
            lock (_sync)
            {
                if (!TryResolveAddress(ref address))
                {
                    return SensorResult.BadAddress;
                }

                return Initialize(address);
            }
        }

        /// <summary>Measures (in forced mode) and reads temperature, pressure and humidity into <paramref name="into"/>.</summary>
        /// <param name="address">7-bit address, or <see cref="UseDefaultAddress"/>.</param>
        /// <param name="into">Filled on success; <see cref="Bme280Reading.IsValid"/> false otherwise.</param>
        /// <returns><see cref="SensorResult.Ok"/>; <see cref="SensorResult.Absent"/> (no acknowledge, wrong chip id);
        /// <see cref="SensorResult.BusError"/>; <see cref="SensorResult.NotReady"/> when no conversion finished (normal mode
        /// right after start-up, or a conversion that overran the datasheet's maximum time);
        /// <see cref="SensorResult.BadAddress"/> for an address above 0x7F.</returns>
        public SensorResult Read(int address, Bme280Reading into)
        {
            if (into == null)
            {
                throw new ArgumentNullException(nameof(into));
            }

            lock (_sync)
            {
                into.Invalidate();
                if (!TryResolveAddress(ref address))
                {
                    return SensorResult.BadAddress;
                }

                SensorResult status = _initializedAddress == address ? SensorResult.Ok : Initialize(address);
                if (status == SensorResult.Ok && _mode == Bme280Mode.Forced)
                {
                    status = TriggerConversion(address);
                }

                if (status == SensorResult.Ok)
                {
                    status = ReadRegisters(address, Bme280Registers.DataStart, _data, Bme280Registers.DataBytes);
                }

                if (status != SensorResult.Ok)
                {
                    if (status != SensorResult.NotReady)
                    {
                        _initializedAddress = NotInitialized;
                    }

                    return status;
                }

                return Compensate(into);
            }
        }

        private static bool TryResolveAddress(ref int address)
        {
            if (address == UseDefaultAddress)
            {
                address = DefaultAddress;
            }

            return address > 0 && address <= HighestAddress;
        }

        private static SensorResult ToSensorResult(I2cResult result) =>
            result == I2cResult.Ok ? SensorResult.Ok : result == I2cResult.NoAcknowledge ? SensorResult.Absent : SensorResult.BusError;

        private SensorResult Initialize(int address)
        {
            _initializedAddress = NotInitialized;
            SensorResult status = ReadRegisters(address, Bme280Registers.ChipId, _oneByte, 1);
            if (status != SensorResult.Ok)
            {
                return status;
            }

            if (_oneByte[0] != Bme280Registers.ExpectedChipId)
            {
                return SensorResult.Absent;
            }

            status = WaitWhileStatus(address, Bme280Registers.StatusImUpdate, NvmCopyPolls);
            if (status == SensorResult.Ok)
            {
                status = ReadRegisters(address, Bme280Registers.Calibration00, _calibration00, Bme280Registers.Calibration00Bytes);
            }

            if (status == SensorResult.Ok)
            {
                status = ReadRegisters(address, Bme280Registers.Calibration26, _calibration26, Bme280Registers.Calibration26Bytes);
            }

            if (status != SensorResult.Ok)
            {
                return status == SensorResult.NotReady ? SensorResult.Absent : status;
            }

            _calibration.Load(_calibration00, 0, _calibration26, 0);
            byte ctrlMeas = _mode == Bme280Mode.Normal ? (byte)(_ctrlMeasSleep | Bme280Registers.ModeNormal) : _ctrlMeasSleep;
            status = WriteRegister(address, Bme280Registers.CtrlMeas, _ctrlMeasSleep);
            if (status == SensorResult.Ok)
            {
                status = WriteRegister(address, Bme280Registers.Config, _config);
            }

            if (status == SensorResult.Ok)
            {
                status = WriteRegister(address, Bme280Registers.CtrlHum, _ctrlHum);
            }

            if (status == SensorResult.Ok)
            {
                status = WriteRegister(address, Bme280Registers.CtrlMeas, ctrlMeas);
            }

            if (status != SensorResult.Ok)
            {
                return status;
            }

            if (_mode == Bme280Mode.Normal)
            {
                // Let the first conversion finish so the first read has data.
                Thread.Sleep(_maxConversionMs);
            }

            _initializedAddress = address;
            return SensorResult.Ok;
        }

        private SensorResult TriggerConversion(int address)
        {
            SensorResult status = WriteRegister(address, Bme280Registers.CtrlMeas, (byte)(_ctrlMeasSleep | Bme280Registers.ModeForced));
            if (status != SensorResult.Ok)
            {
                return status;
            }

            // The measuring bit may not be set yet right after the trigger: wait the typical time before polling.
            Thread.Sleep(_typicalConversionMs);
            return WaitWhileStatus(address, Bme280Registers.StatusMeasuring, _conversionPolls);
        }

        private SensorResult WaitWhileStatus(int address, byte statusBit, int polls)
        {
            for (int poll = 0; poll < polls; poll++)
            {
                SensorResult status = ReadRegisters(address, Bme280Registers.Status, _oneByte, 1);
                if (status != SensorResult.Ok)
                {
                    return status;
                }

                if ((_oneByte[0] & statusBit) == 0)
                {
                    return SensorResult.Ok;
                }

                Thread.Sleep(PollIntervalMs);
            }

            return SensorResult.NotReady;
        }

        private SensorResult Compensate(Bme280Reading into)
        {
            // 0xF7..0xFE: press msb, lsb, xlsb[7:4]; temp msb, lsb, xlsb[7:4]; hum msb, lsb.
            int rawPressure = (_data[0] << 12) | (_data[1] << 4) | (_data[2] >> 4);
            int rawTemperature = (_data[3] << 12) | (_data[4] << 4) | (_data[5] >> 4);
            int rawHumidity = (_data[6] << 8) | _data[7];
            if (rawTemperature == Bme280Registers.SkippedTemperatureOrPressure
                || rawPressure == Bme280Registers.SkippedTemperatureOrPressure
                || rawHumidity == Bme280Registers.SkippedHumidity)
            {
                return SensorResult.NotReady;
            }

            int centiCelsius = _calibration.CompensateTemperature(rawTemperature, out int fineTemperature);
            uint pressure = _calibration.CompensatePressure(rawPressure, fineTemperature);
            uint humidity = _calibration.CompensateHumidity(rawHumidity, fineTemperature);
            into.Set(centiCelsius, pressure, humidity, rawTemperature, rawPressure, rawHumidity);
            return SensorResult.Ok;
        }

        private SensorResult ReadRegisters(int address, byte register, byte[] destination, int count)
        {
            _register[0] = register;
            return ToSensorResult(_bus.WriteRead(address, _register, 0, 1, destination, 0, count));
        }

        private SensorResult WriteRegister(int address, byte register, byte value)
        {
            _registerWrite[0] = register;
            _registerWrite[1] = value;
            return ToSensorResult(_bus.Write(address, _registerWrite, 0, 2));
        }
    }
}
