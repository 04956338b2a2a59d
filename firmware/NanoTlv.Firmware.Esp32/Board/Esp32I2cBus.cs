using System;
using System.Device.I2c;
using nanoFramework.Hardware.Esp32;
using NanoTlv.Firmware.Board;

namespace NanoTlv.Firmware.Esp32.Board
{
    /// <summary>
    /// <see cref="II2cBus"/> on nanoFramework's <see cref="I2cDevice"/>, bus I2C1 at 100 kHz. One device
    /// object per address that has answered, created on first use; transfers are serialised.
    /// </summary>
    /// <remarks>
    /// The native driver reports any NACK (address or data) as <see cref="I2cTransferStatus.SlaveAddressNotAcknowledged"/>:
    /// it becomes <see cref="I2cResult.NoAcknowledge"/>.
    /// </remarks>
    internal sealed class Esp32I2cBus : II2cBus
    {
        private const int BusId = 1;
        private const int AddressCount = 128;

        private readonly I2cDevice?[] _devices = new I2cDevice?[AddressCount];
        private readonly bool _hasPins;

        /// <summary>Routes I2C1 to the given pins.</summary>
        /// <param name="dataPin">SDA pin or <see cref="BoardDescription.NoPin"/>.</param>
        /// <param name="clockPin">SCL pin or <see cref="BoardDescription.NoPin"/>.</param>
        public Esp32I2cBus(int dataPin, int clockPin)
        {
            _hasPins = dataPin != BoardDescription.NoPin && clockPin != BoardDescription.NoPin;
            if (_hasPins)
            {
                Configuration.SetPinFunction(dataPin, DeviceFunction.I2C1_DATA);
                Configuration.SetPinFunction(clockPin, DeviceFunction.I2C1_CLOCK);
            }
        }

        /// <inheritdoc/>
        public I2cResult Write(int address, byte[] buffer, int offset, int count)
        {
            lock (_devices)
            {
                I2cDevice? device = DeviceAt(address);
                if (device == null)
                {
                    return I2cResult.BusError;
                }

                I2cTransferResult result = device.Write(new SpanByte(buffer, offset, count));
                return Complete(address, device, result, count);
            }
        }

        /// <inheritdoc/>
        public I2cResult Read(int address, byte[] buffer, int offset, int count)
        {
            lock (_devices)
            {
                I2cDevice? device = DeviceAt(address);
                if (device == null)
                {
                    return I2cResult.BusError;
                }

                I2cTransferResult result = device.Read(new SpanByte(buffer, offset, count));
                return Complete(address, device, result, count);
            }
        }

        /// <inheritdoc/>
        public I2cResult WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
        {
            lock (_devices)
            {
                I2cDevice? device = DeviceAt(address);
                if (device == null)
                {
                    return I2cResult.BusError;
                }

                I2cTransferResult result = device.WriteRead(
                    new SpanByte(writeBuffer, writeOffset, writeCount),
                    new SpanByte(readBuffer, readOffset, readCount));
                return Complete(address, device, result, writeCount + readCount);
            }
        }

        private I2cDevice? DeviceAt(int address)
        {
            if (!_hasPins)
            {
                return null;
            }

            if (address < 0 || address >= AddressCount)
            {
                throw new ArgumentOutOfRangeException(nameof(address), "A 7-bit I2C address is 0..127; got " + address + ".");
            }

            I2cDevice? device = _devices[address];
            return device ?? I2cDevice.Create(new I2cConnectionSettings(BusId, address, I2cBusSpeed.StandardMode));
        }

        // Keeps the device object of an address that answered; drops the one of an address that did not,
        // so probing all 112 addresses does not leave 112 objects on the heap.
        private I2cResult Complete(int address, I2cDevice device, I2cTransferResult result, int expectedBytes)
        {
            bool cached = _devices[address] != null;
            if (result.Status == I2cTransferStatus.SlaveAddressNotAcknowledged)
            {
                if (!cached)
                {
                    device.Dispose();
                }

                return I2cResult.NoAcknowledge;
            }

            if (!cached)
            {
                _devices[address] = device;
            }

            return result.Status == I2cTransferStatus.FullTransfer && result.BytesTransferred == (uint)expectedBytes
                ? I2cResult.Ok
                : I2cResult.BusError;
        }
    }
}
