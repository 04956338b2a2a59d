namespace NanoTlv.Messages
{
    /// <summary>
    /// Request opcodes: the first payload byte of a request. A reply carries the same opcode with
    /// <see cref="MessageHeader.ReplyFlag"/> set. Argument layouts are big-endian; the full byte-by-byte
    /// description with hex examples is in docs/protocol.md.
    /// </summary>
    public enum Opcode : byte
    {
        /// <summary>Args: version u8, token_len u8, token. Reply: version u8, max_payload u16, capabilities u32,
        /// fw_major u8, fw_minor u8, fw_patch u8, authenticated u8, name_len u8, name (ASCII).</summary>
        Hello = 0x01,

        /// <summary>Args: any bytes (up to the maximum payload less the header). Reply: the same bytes.</summary>
        Ping = 0x02,

        /// <summary>Args: none. Reply: uptime_ms u32, free_mem u32, total_mem u32, frames_rx u32, bytes_rx u32,
        /// frames_tx u32, resyncs u32, skipped_bytes u32, oversized u32, error_replies u32, clients u8, max_clients u8.</summary>
        Info = 0x03,

        /// <summary>Args: none. Reply: pin_count u8, then per pin: pin u8, capabilities u16 (<see cref="PinCapabilities"/>), adc_channel u8 (0xFF none), reservation u8 (<see cref="PinReservation"/>).</summary>
        Caps = 0x04,

        /// <summary>Args: pin u8, mode u8 (<see cref="PinMode"/>). Reply: empty.</summary>
        PinMode = 0x10,

        /// <summary>Args: pin u8, level u8 (0 or 1). Reply: empty.</summary>
        DigitalWrite = 0x11,

        /// <summary>Args: pin u8. Reply: level u8.</summary>
        DigitalRead = 0x12,

        /// <summary>Args: pin u8. Reply: the new level u8.</summary>
        DigitalToggle = 0x13,

        /// <summary>Args: pin u8, level u8, duration_ms u32 (1..3,600,000). Drives the level, restores the previous
        /// level after the duration; replies at once. Reply: empty.</summary>
        Pulse = 0x14,

        /// <summary>Args: pin u8, edges u8 (<see cref="PinEdges"/>), debounce_ms u16. Reply: empty.
        /// Then <see cref="EventCode.PinChanged"/> events reach this connection.</summary>
        Subscribe = 0x20,

        /// <summary>Args: pin u8. Reply: empty.</summary>
        Unsubscribe = 0x21,

        /// <summary>Args: pin u8. Reply: raw u16, resolution_bits u8, millivolts u16.</summary>
        AnalogRead = 0x30,

        /// <summary>Args: pin u8, frequency_hz u32, duty u16 (0..10000 = 0.00..100.00 %). Reply: empty.</summary>
        PwmSet = 0x31,

        /// <summary>Args: pin u8. Reply: empty.</summary>
        PwmStop = 0x32,

        /// <summary>Args: address u8 (7-bit), data (1..255 bytes). Reply: empty.</summary>
        I2cWrite = 0x40,

        /// <summary>Args: address u8, count u8 (1..255). Reply: the bytes read.</summary>
        I2cRead = 0x41,

        /// <summary>Args: address u8, read_count u8 (1..255), write data (1..255 bytes). Reply: the bytes read.</summary>
        I2cWriteRead = 0x42,

        /// <summary>Args: none. Reply: count u8, then the 7-bit addresses that acknowledged.</summary>
        I2cScan = 0x43,

        /// <summary>Args: sensor u8 (<see cref="SensorKind"/>), address u8 (I2C sensors; 0 = default).
        /// Reply for the internal temperature: centi_celsius i32. Reply for BME280: centi_celsius i32,
        /// pressure_pa_q24_8 u32 (Pa × 256), humidity_q22_10 u32 (%RH × 1024).</summary>
        SensorRead = 0x50,

        /// <summary>Args: pin u8, level u8 (0, 1, or 0xFF to clear). The level is applied when the controlling
        /// connection closes or stays idle past the idle timeout. Reply: empty.</summary>
        Failsafe = 0x60,
    }
}
