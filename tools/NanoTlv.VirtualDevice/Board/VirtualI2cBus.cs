using System;
using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// In-memory I2C master: simulated devices sit at 7-bit addresses; an address with no device does not
    /// acknowledge (<see cref="I2cResult.NoAcknowledge"/>). Transfers are serialised like on a real bus and allocate nothing.
    /// </summary>
    public sealed class VirtualI2cBus : II2cBus
    {
        /// <summary>Highest 7-bit address.</summary>
        public const int HighestAddress = 0x7F;

        private readonly IVirtualI2cDevice?[] _devices = new IVirtualI2cDevice?[HighestAddress + 1];
        private readonly Lock _sync = new();
        private int _transfers;
        private volatile bool _simulateBusError;

        /// <summary>When true every transfer fails with <see cref="I2cResult.BusError"/> (a shorted line; test hook).</summary>
        public bool SimulateBusError
        {
            get => _simulateBusError;
            set => _simulateBusError = value;
        }

        /// <summary>Transfers started so far (each Write, Read or WriteRead counts once).</summary>
        public int TransferCount => Volatile.Read(ref _transfers);

        /// <summary>Connects <paramref name="device"/> at <paramref name="address"/>.</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="device">The simulated device.</param>
        /// <exception cref="InvalidOperationException">Another device already uses the address.</exception>
        public void Attach(int address, IVirtualI2cDevice device)
        {
            RequireAddress(address);
            ArgumentNullException.ThrowIfNull(device);
            lock (_sync)
            {
                if (_devices[address] != null && !ReferenceEquals(_devices[address], device))
                {
                    throw new InvalidOperationException("I2C address 0x" + address.ToString("X2", null) + " already has a device.");
                }

                _devices[address] = device;
            }
        }

        /// <summary>Disconnects whatever sits at <paramref name="address"/>.</summary>
        /// <param name="address">7-bit address.</param>
        /// <returns>True when a device was removed.</returns>
        public bool Detach(int address)
        {
            RequireAddress(address);
            lock (_sync)
            {
                bool had = _devices[address] != null;
                _devices[address] = null;
                return had;
            }
        }

        /// <summary>True when a device sits at <paramref name="address"/>.</summary>
        /// <param name="address">7-bit address.</param>
        /// <returns>Whether it would acknowledge.</returns>
        public bool IsAttached(int address)
        {
            RequireAddress(address);
            lock (_sync)
            {
                return _devices[address] != null;
            }
        }

        /// <inheritdoc />
        public I2cResult Write(int address, byte[] buffer, int offset, int count)
        {
            RequireAddress(address);
            RequireRange(buffer, offset, count);
            lock (_sync)
            {
                I2cResult status = Select(address, out IVirtualI2cDevice? device);
                return status == I2cResult.Ok ? device!.Write(new ReadOnlySpan<byte>(buffer, offset, count)) : status;
            }
        }

        /// <inheritdoc />
        public I2cResult Read(int address, byte[] buffer, int offset, int count)
        {
            RequireAddress(address);
            RequireRange(buffer, offset, count);
            lock (_sync)
            {
                I2cResult status = Select(address, out IVirtualI2cDevice? device);
                return status == I2cResult.Ok ? device!.Read(new Span<byte>(buffer, offset, count)) : status;
            }
        }

        /// <inheritdoc />
        public I2cResult WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
        {
            RequireAddress(address);
            RequireRange(writeBuffer, writeOffset, writeCount);
            RequireRange(readBuffer, readOffset, readCount);
            lock (_sync)
            {
                I2cResult status = Select(address, out IVirtualI2cDevice? device);
                if (status == I2cResult.Ok)
                {
                    status = device!.Write(new ReadOnlySpan<byte>(writeBuffer, writeOffset, writeCount));
                }

                // Repeated start: the device is addressed again for the read half, still inside one bus transaction.
                return status == I2cResult.Ok ? device!.Read(new Span<byte>(readBuffer, readOffset, readCount)) : status;
            }
        }

        private static void RequireAddress(int address)
        {
            if (address < 0 || address > HighestAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(address), address, "An I2C address has 7 bits (0..0x7F).");
            }
        }

        private static void RequireRange(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "Offset " + offset + " and count " + count + " lie outside a buffer of " + buffer.Length + " bytes.");
            }
        }

        private I2cResult Select(int address, out IVirtualI2cDevice? device)
        {
            _transfers++;
            device = _devices[address];
            if (_simulateBusError)
            {
                return I2cResult.BusError;
            }

            return device == null ? I2cResult.NoAcknowledge : I2cResult.Ok;
        }
    }
}
