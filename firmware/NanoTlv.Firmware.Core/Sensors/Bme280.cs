using System;
using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.Firmware.Sensors
{
    /// <summary>
    /// Driver for a Bosch BME280 (temperature, pressure, humidity) on an <see cref="II2cBus"/>, in forced mode with
    /// 1x oversampling of all three values and the IIR filter off (the datasheet's weather-monitoring setting, 3.5.1).
    /// Results are the datasheet's integer formats: 0.01 °C, Pa × 256, %RH × 1024.
    /// </summary>
    /// <remarks>
    /// Initialisation (on the first <see cref="Read"/> at an address): check the chip id (0x60), wait for the NVM
    /// copy, read both calibration blocks, put the chip to sleep, write config, then ctrl_hum, then ctrl_meas
    /// (ctrl_hum only takes effect after a ctrl_meas write). Each read then triggers one conversion and waits for it.
    /// A failed transfer forgets the initialisation, so a sensor plugged back in is checked again.
    /// Every buffer is allocated in the constructor; reads allocate nothing. Calls are serialised.
    /// </remarks>
    public sealed class Bme280
    {
        /// <summary>Address with SDO to ground.</summary>
        public const int DefaultAddress = 0x76;

        /// <summary>Address with SDO to VDDIO.</summary>
        public const int SecondaryAddress = 0x77;

        private const int NotInitialized = -1;
        private const int HighestAddress = 0x7F;
        private const int NvmCopyPolls = 10;
        private const int PollIntervalMs = 1;

        // osrs_t = osrs_p = osrs_h = 1 (one sample each), filter off, standby unused in forced mode.
        private const byte OversamplingX1 = 1;
        private const byte CtrlHumValue = OversamplingX1;
        private const byte CtrlMeasSleep = (OversamplingX1 << Bme280Registers.TemperatureOversamplingShift) | (OversamplingX1 << Bme280Registers.PressureOversamplingShift) | Bme280Registers.ModeSleep;
        private const byte ConfigValue = 0;

        // Datasheet 9.1 at 1x for all three values: typical 1 + 3 * 2 + 1 = 8 ms, maximum 1.25 + 3 * 2.3 + 1.15 = 9.3 ms,
        // rounded up to 10. A read sleeps the typical time, then polls the measuring bit every millisecond past the maximum.
        private const int TypicalConversionMs = 8;
        private const int MaxConversionMs = 10;
        private const int ConversionPolls = MaxConversionMs - TypicalConversionMs + 2;

        private readonly II2cBus _bus;
        private readonly Bme280Calibration _calibration = new Bme280Calibration();
        private readonly byte[] _register = new byte[1];
        private readonly byte[] _registerWrite = new byte[2];
        private readonly byte[] _oneByte = new byte[1];
        private readonly byte[] _calibration00 = new byte[Bme280Registers.Calibration00Bytes];
        private readonly byte[] _calibration26 = new byte[Bme280Registers.Calibration26Bytes];
        private readonly byte[] _data = new byte[Bme280Registers.DataBytes];
        private readonly object _sync = new object();
        private int _initializedAddress = NotInitialized;

        /// <summary>A driver on <paramref name="bus"/>; nothing is sent until the first read.</summary>
        /// <param name="bus">The I2C master.</param>
        public Bme280(II2cBus bus)
        {
            if (bus == null)
            {
                throw new ArgumentNullException(nameof(bus));
            }

            _bus = bus;
        }

        /// <summary>Measures and reads temperature, pressure and humidity into <paramref name="into"/>.</summary>
        /// <param name="address">7-bit address (<see cref="DefaultAddress"/> or <see cref="SecondaryAddress"/>).</param>
        /// <param name="into">Filled on success; <see cref="Bme280Reading.IsValid"/> false otherwise.</param>
        /// <returns><see cref="SensorResult.Ok"/>; <see cref="SensorResult.Absent"/> (no acknowledge, wrong chip id);
        /// <see cref="SensorResult.BusError"/>; <see cref="SensorResult.NotReady"/> when the conversion overran the
        /// datasheet's maximum time; <see cref="SensorResult.BadAddress"/> for an address outside 1..0x7F.</returns>
        public SensorResult Read(int address, Bme280Reading into)
        {
            if (into == null)
            {
                throw new ArgumentNullException(nameof(into));
            }

            lock (_sync)
            {
                into.Invalidate();
                if (address <= 0 || address > HighestAddress)
                {
                    return SensorResult.BadAddress;
                }

                SensorResult status = _initializedAddress == address ? SensorResult.Ok : Initialize(address);
                if (status == SensorResult.Ok)
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
            status = WriteRegister(address, Bme280Registers.CtrlMeas, CtrlMeasSleep);
            if (status == SensorResult.Ok)
            {
                status = WriteRegister(address, Bme280Registers.Config, ConfigValue);
            }

            if (status == SensorResult.Ok)
            {
                status = WriteRegister(address, Bme280Registers.CtrlHum, CtrlHumValue);
            }

            // ctrl_meas again (still sleep mode) so the chip latches ctrl_hum.
            if (status == SensorResult.Ok)
            {
                status = WriteRegister(address, Bme280Registers.CtrlMeas, CtrlMeasSleep);
            }

            if (status != SensorResult.Ok)
            {
                return status;
            }

            _initializedAddress = address;
            return SensorResult.Ok;
        }

        private SensorResult TriggerConversion(int address)
        {
            SensorResult status = WriteRegister(address, Bme280Registers.CtrlMeas, CtrlMeasSleep | Bme280Registers.ModeForced);
            if (status != SensorResult.Ok)
            {
                return status;
            }

            // The measuring bit may not be set yet right after the trigger: wait the typical time before polling.
            Thread.Sleep(TypicalConversionMs);
            return WaitWhileStatus(address, Bme280Registers.StatusMeasuring, ConversionPolls);
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
            into.Set(centiCelsius, pressure, humidity);
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
