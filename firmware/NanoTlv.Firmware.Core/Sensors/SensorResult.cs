namespace NanoTlv.Firmware.Sensors
{
    /// <summary>The outcome of a sensor driver's read, in the driver's terms (the command layer maps it to the wire).</summary>
    public enum SensorResult
    {
        /// <summary>The reading is valid.</summary>
        Ok,

        /// <summary>Nothing answers at the address, or what answers is not this sensor.</summary>
        Absent,

        /// <summary>The bus failed during the read.</summary>
        BusError,

        /// <summary>The sensor has no finished measurement yet.</summary>
        NotReady,

        /// <summary>The address cannot be this sensor's.</summary>
        BadAddress,
    }
}
