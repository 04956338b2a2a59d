namespace NanoTlv.Firmware.Board
{
    /// <summary>The outcome of one I2C transfer, as the bus reports it.</summary>
    public enum I2cResult
    {
        /// <summary>Every byte was transferred.</summary>
        Ok,

        /// <summary>The address (or a data byte) was not acknowledged: nothing answers there.</summary>
        NoAcknowledge,

        /// <summary>The bus failed: arbitration lost, a stuck line, a timeout, a partial transfer.</summary>
        BusError,
    }
}
