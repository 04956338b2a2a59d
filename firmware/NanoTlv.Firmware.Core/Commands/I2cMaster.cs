using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>
    /// The board's I2C bus as the commands use it: every transfer serialised by one lock (shared by the I2C
    /// commands and the I2C sensor readers) and its <see cref="I2cResult"/> mapped to a <see cref="StatusCode"/>
    /// here, once.
    /// </summary>
    internal sealed class I2cMaster
    {
        private readonly II2cBus _bus;

        /// <summary>Wraps the bus.</summary>
        /// <param name="bus">The board's I2C master.</param>
        public I2cMaster(II2cBus bus)
        {
            _bus = bus;
        }

        /// <summary>The bus driver, for a sensor driver that runs a sequence of transfers under <see cref="Sync"/>.</summary>
        public II2cBus Bus => _bus;

        /// <summary>The bus lock: held for every transfer, and by a sensor reader for its whole sequence.</summary>
        public object Sync { get; } = new object();

        /// <summary>True for an address the I2C commands accept (0x08..0x77; the rest are reserved by the specification).</summary>
        /// <param name="address">7-bit address from a request.</param>
        /// <returns>Whether it may be addressed.</returns>
        public static bool IsValidAddress(int address) =>
            address >= ProtocolLimits.FirstI2cAddress && address <= ProtocolLimits.LastI2cAddress;

        /// <summary>The wire status of a transfer's outcome.</summary>
        /// <param name="result">The bus's result.</param>
        /// <returns><see cref="StatusCode.Ok"/>, <see cref="StatusCode.I2cNack"/> or <see cref="StatusCode.I2cBusError"/>.</returns>
        public static StatusCode ToStatus(I2cResult result) =>
            result == I2cResult.Ok ? StatusCode.Ok : result == I2cResult.NoAcknowledge ? StatusCode.I2cNack : StatusCode.I2cBusError;

        /// <summary>Writes bytes to a device.</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to write.</param>
        /// <returns>The outcome.</returns>
        public StatusCode Write(int address, byte[] buffer, int offset, int count)
        {
            lock (Sync)
            {
                return ToStatus(_bus.Write(address, buffer, offset, count));
            }
        }

        /// <summary>Reads bytes from a device.</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to read.</param>
        /// <returns>The outcome.</returns>
        public StatusCode Read(int address, byte[] buffer, int offset, int count)
        {
            lock (Sync)
            {
                return ToStatus(_bus.Read(address, buffer, offset, count));
            }
        }

        /// <summary>Writes then reads with a repeated start.</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="writeBuffer">Bytes to write.</param>
        /// <param name="writeOffset">First byte to write.</param>
        /// <param name="writeCount">Bytes to write.</param>
        /// <param name="readBuffer">Destination.</param>
        /// <param name="readOffset">First byte read goes here.</param>
        /// <param name="readCount">Bytes to read.</param>
        /// <returns>The outcome.</returns>
        public StatusCode WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
        {
            lock (Sync)
            {
                return ToStatus(_bus.WriteRead(address, writeBuffer, writeOffset, writeCount, readBuffer, readOffset, readCount));
            }
        }

        /// <summary>
        /// Probes every valid address with a one-byte read (a plain addressed transfer every I2C master supports,
        /// where a zero-byte write is not) and collects those that acknowledge.
        /// </summary>
        /// <param name="scratch">Receives the probe byte at <paramref name="offset"/>, then the addresses found.</param>
        /// <param name="offset">Where the probe byte goes; addresses follow it.</param>
        /// <param name="found">Addresses found.</param>
        /// <returns><see cref="StatusCode.Ok"/>, or <see cref="StatusCode.I2cBusError"/> when a probe failed other than by
        /// not being acknowledged.</returns>
        public StatusCode Scan(byte[] scratch, int offset, out int found)
        {
            found = 0;
            lock (Sync)
            {
                for (int address = ProtocolLimits.FirstI2cAddress; address <= ProtocolLimits.LastI2cAddress; address++)
                {
                    I2cResult result = _bus.Read(address, scratch, offset, 1);
                    if (result == I2cResult.Ok)
                    {
                        scratch[offset + 1 + found] = (byte)address;
                        found++;
                    }
                    else if (result != I2cResult.NoAcknowledge)
                    {
                        return ToStatus(result);
                    }
                }
            }

            return StatusCode.Ok;
        }
    }
}
