namespace NanoTlv.Firmware.Board
{
    /// <summary>
    /// The board's I2C master. Every transfer returns an <see cref="I2cResult"/>: ok, no acknowledge or bus error.
    /// </summary>
    public interface II2cBus
    {
        /// <summary>Writes <paramref name="count"/> bytes to the device at <paramref name="address"/>.</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to write.</param>
        /// <returns>The outcome.</returns>
        I2cResult Write(int address, byte[] buffer, int offset, int count);

        /// <summary>Reads <paramref name="count"/> bytes from the device at <paramref name="address"/>.</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Bytes to read.</param>
        /// <returns>The outcome.</returns>
        I2cResult Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Writes then reads with a repeated start.</summary>
        /// <param name="address">7-bit address.</param>
        /// <param name="writeBuffer">Bytes to write.</param>
        /// <param name="writeOffset">First byte to write.</param>
        /// <param name="writeCount">Bytes to write.</param>
        /// <param name="readBuffer">Destination.</param>
        /// <param name="readOffset">First byte read goes here.</param>
        /// <param name="readCount">Bytes to read.</param>
        /// <returns>The outcome.</returns>
        I2cResult WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount);
    }
}
